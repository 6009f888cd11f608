package dev.restless.it.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A resource with one to-one and two to-many relationships (one through a foreign key on the
 * other side, one through a join table), whose to-many relationships may be replaced and shrunk,
 * and which includes its team by default.
 */
@Entity
@Table(name = "app_user")
@ExposedResource(collectionName = "users", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE }, includes = "team", allowToManyReplacement = true,
		allowDeleteFromToManyRelationships = true)
public class User {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Team team;

	@OneToMany(mappedBy = "owner")
	private List<Goal> goals = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "app_user_tags")
	private Set<Tag> tags = new LinkedHashSet<>();

	public User() {
	}

	public User(String name) {
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

	public Team getTeam() {
		return this.team;
	}

	public void setTeam(Team team) {
		this.team = team;
	}

	public List<Goal> getGoals() {
		return this.goals;
	}

	public void setGoals(List<Goal> goals) {
		this.goals = goals;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public void setTags(Set<Tag> tags) {
		this.tags = tags;
	}

}
