package dev.restless.it.app;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;

/** The owning side of a bidirectional many-to-many association with {@link Skill}. */
@Entity
@ExposedResource(collectionName = "projects", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH })
public class Project {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToMany
	@JoinTable(name = "project_skills")
	private Set<Skill> skills = new LinkedHashSet<>();

	public Project() {
	}

	public Project(String name) {
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

	public Set<Skill> getSkills() {
		return this.skills;
	}

	public void setSkills(Set<Skill> skills) {
		this.skills = skills;
	}

}
