package dev.restless.it.scoped;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.FieldAccess;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A user of the secured application: every authenticated caller sees them, only admins their e-mail. */
@Entity
@Table(name = "scoped_member")
@ExposedResource(collectionName = "members", methods = { ResourceMethod.GET, ResourceMethod.PATCH },
		readAccess = "isAuthenticated()", updateAccess = "resource.username == authentication.name or hasRole('ADMIN')")
public class Member {

	@Id
	@GeneratedValue
	private Long id;

	private String username;

	@FieldAccess(read = "hasRole('ADMIN')", write = "hasRole('ADMIN')")
	private String email;

	@OneToMany(mappedBy = "owner")
	private List<Task> tasks = new ArrayList<>();

	public Member() {
	}

	public Member(String username, String email) {
		this.username = username;
		this.email = email;
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

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public List<Task> getTasks() {
		return this.tasks;
	}

	public void setTasks(List<Task> tasks) {
		this.tasks = tasks;
	}

}
