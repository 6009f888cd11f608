package dev.restless.sample;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

@Entity
@Table(name = "app_user")
@ExposedResource(collectionName = "users", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH })
public class User {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	@Column(nullable = false, unique = true)
	private String username;

	@OneToMany(mappedBy = "owner")
	private List<Goal> goals = new ArrayList<>();

	protected User() {
	}

	public User(String username) {
		this.username = username;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public List<Goal> getGoals() {
		return this.goals;
	}

	public void setGoals(List<Goal> goals) {
		this.goals = goals;
	}

}
