package dev.restless.sample;

import java.time.LocalDate;
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
import jakarta.validation.constraints.NotBlank;

/**
 * A goal of a user, optionally a sub-goal of a parent goal: goals form trees of any depth. Only
 * signed-in users reach goals, and each only their own ({@link SampleSecurity#goalScope()}).
 */
@Entity
@ExposedResource(collectionName = "goals",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE },
		readAccess = "isAuthenticated()", createAccess = "isAuthenticated()", updateAccess = "isAuthenticated()",
		deleteAccess = "isAuthenticated()")
public class Goal {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	private String title;

	private boolean done;

	private LocalDate dueDate;

	@ManyToOne(fetch = FetchType.LAZY)
	private User owner;

	@ManyToOne(fetch = FetchType.LAZY)
	private Goal parent;

	@OneToMany(mappedBy = "parent")
	private List<Goal> subGoals = new ArrayList<>();

	protected Goal() {
	}

	public Goal(String title, User owner, Goal parent, LocalDate dueDate) {
		this.title = title;
		this.owner = owner;
		this.parent = parent;
		this.dueDate = dueDate;
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

	public boolean isDone() {
		return this.done;
	}

	public void setDone(boolean done) {
		this.done = done;
	}

	public LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
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
