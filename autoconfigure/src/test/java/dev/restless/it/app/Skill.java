package dev.restless.it.app;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

/**
 * The inverse side of the many-to-many association owned by {@link Project}: a change made here
 * reaches the database only through the projects' side.
 */
@Entity
@ExposedResource(collectionName = "skills", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH }, allowToManyReplacement = true, allowDeleteFromToManyRelationships = true)
public class Skill {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToMany(mappedBy = "skills")
	private List<Project> projects = new ArrayList<>();

	public Skill() {
	}

	public Skill(String name) {
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

	public List<Project> getProjects() {
		return this.projects;
	}

	public void setProjects(List<Project> projects) {
		this.projects = projects;
	}

}
