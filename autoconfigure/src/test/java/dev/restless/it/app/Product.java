package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** The concrete root of a joined hierarchy, exposed like its subclass {@link Book}. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@ExposedResource(collectionName = "products", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Product {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	public Product() {
	}

	public Product(String name) {
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
