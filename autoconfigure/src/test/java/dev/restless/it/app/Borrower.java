package dev.restless.it.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;

/**
 * A resource with a simple key whose to-many relationships hold resources with composite keys:
 * one mapped by a foreign key on the members' side, one through a join table.
 */
@Entity
@ExposedResource(collectionName = "borrowers", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE }, allowToManyReplacement = true,
		allowDeleteFromToManyRelationships = true)
public class Borrower {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@OneToMany(mappedBy = "borrower")
	private List<Loan> loans = new ArrayList<>();

	@ManyToMany
	private Set<Shelf> shelves = new LinkedHashSet<>();

	public Borrower() {
	}

	public Borrower(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public List<Loan> getLoans() {
		return this.loans;
	}

	public Set<Shelf> getShelves() {
		return this.shelves;
	}

	public void setShelves(Set<Shelf> shelves) {
		this.shelves = shelves;
	}

}
