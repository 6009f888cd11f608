package dev.restless.it.app;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/**
 * The abstract root of a single-table hierarchy, exposed read-only: its collection lists the rows
 * of its exposed subclasses, each as a resource of its own type.
 */
@Entity
@ExposedResource(collectionName = "vehicles")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Vehicle {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

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
