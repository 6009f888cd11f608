package dev.restless.it.app;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

/**
 * A read-only resource whose to-many relationship may grow large, so it is rendered with links
 * only ({@code toManyLinkage = false}).
 */
@Entity
@ExposedResource(collectionName = "teams", toManyLinkage = false)
public class Team {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@OneToMany(mappedBy = "team")
	private List<User> members = new ArrayList<>();

	public Team() {
	}

	public Team(String name) {
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

	public List<User> getMembers() {
		return this.members;
	}

}
