package dev.restless.it.app;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/**
 * A resource with an {@code @IdClass} composite key, assigned by clients, a lazy to-one
 * relationship to a resource with an {@code @EmbeddedId} and the inverse side of a many-to-many
 * relationship with a resource with a simple key.
 */
@Entity
@IdClass(ShelfId.class)
@ExposedResource(collectionName = "shelves", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE }, allowClientGeneratedIds = true)
public class Shelf {

	@Id
	private String room;

	@Id
	private Integer slot;

	private String label;

	@ManyToOne(fetch = FetchType.LAZY)
	private Loan featured;

	@ManyToMany(mappedBy = "shelves")
	private Set<Borrower> borrowers = new LinkedHashSet<>();

	public Shelf() {
	}

	public Shelf(String room, Integer slot, String label) {
		this.room = room;
		this.slot = slot;
		this.label = label;
	}

	public String getRoom() {
		return this.room;
	}

	public Integer getSlot() {
		return this.slot;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public Loan getFeatured() {
		return this.featured;
	}

	public void setFeatured(Loan featured) {
		this.featured = featured;
	}

	public Set<Borrower> getBorrowers() {
		return this.borrowers;
	}

}
