package dev.restless.it.scoped;

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
import jakarta.persistence.Table;

/** A task owned by a member, nested under an optional parent: each member reaches only their own. */
@Entity
@Table(name = "scoped_task")
@ExposedResource(collectionName = "tasks",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE },
		allowFunctions = true, allowDeleteFromToManyRelationships = true, allowToManyReplacement = true, readAccess = "isAuthenticated()",
		createAccess = "isAuthenticated()", updateAccess = "isAuthenticated()", deleteAccess = "isAuthenticated()")
public class Task {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	private Integer points;

	@ManyToOne
	private Member owner;

	@ManyToOne(fetch = FetchType.LAZY)
	private Task parent;

	@OneToMany(mappedBy = "parent")
	private List<Task> subtasks = new ArrayList<>();

	public Task() {
	}

	public Task(String title, int points, Member owner, Task parent) {
		this.title = title;
		this.points = points;
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

	public Integer getPoints() {
		return this.points;
	}

	public void setPoints(Integer points) {
		this.points = points;
	}

	public Member getOwner() {
		return this.owner;
	}

	public void setOwner(Member owner) {
		this.owner = owner;
	}

	public Task getParent() {
		return this.parent;
	}

	public void setParent(Task parent) {
		this.parent = parent;
	}

	public List<Task> getSubtasks() {
		return this.subtasks;
	}

	public void setSubtasks(List<Task> subtasks) {
		this.subtasks = subtasks;
	}

}
