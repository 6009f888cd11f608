package dev.restless.it.app;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * A goal owned by a user and nested under an optional parent goal, to any depth. The owner is
 * fetched eagerly (the JPA default for many-to-one), the parent lazily.
 */
@Entity
@ExposedResource(collectionName = "goals", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE })
public class Goal {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	@ManyToOne
	private User owner;

	@ManyToOne(fetch = FetchType.LAZY)
	private Goal parent;

	@OneToMany(mappedBy = "parent")
	private List<Goal> subGoals = new ArrayList<>();

	public Goal() {
	}

	public Goal(String title, User owner, Goal parent) {
		this.title = title;
		this.owner = owner;
		this.parent = parent;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public User getOwner() {
		return this.owner;
	}

	public void setOwner(User owner) {
		this.owner = owner;
	}

	public Goal getParent() {
		return this.parent;
	}

	public void setParent(Goal parent) {
		this.parent = parent;
	}

	public List<Goal> getSubGoals() {
		return this.subGoals;
	}

	public void setSubGoals(List<Goal> subGoals) {
		this.subGoals = subGoals;
	}

}
