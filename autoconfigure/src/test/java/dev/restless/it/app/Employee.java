package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The concrete root of a single-table hierarchy, exposed like its subclass {@link Manager}; its
 * subclass {@link Intern} is not exposed.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@ExposedResource(collectionName = "employees", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Employee {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	public Employee() {
	}

	public Employee(String name) {
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

}
