package dev.restless.sample;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/**
 * A user who signs in with HTTP Basic and owns a tree of goals. The password is a bcrypt hash,
 * never exposed; only an admin creates or changes users.
 */
@Entity
@Table(name = "app_user")
@ExposedResource(collectionName = "users", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH },
		exclude = "password", readAccess = "isAuthenticated()", createAccess = "hasRole('ADMIN')",
		updateAccess = "hasRole('ADMIN')")
public class User {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	@Column(nullable = false, unique = true)
	private String username;

	private String password;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role = Role.USER;

	@OneToMany(mappedBy = "owner")
	private List<Goal> goals = new ArrayList<>();

	protected User() {
	}

	public User(String username, String password, Role role) {
		this.username = username;
		this.password = password;
		this.role = role;
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

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public List<Goal> getGoals() {
		return this.goals;
	}

	public void setGoals(List<Goal> goals) {
		this.goals = goals;
	}

}
