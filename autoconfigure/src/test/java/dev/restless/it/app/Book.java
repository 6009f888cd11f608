package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;

/** An exposed subclass of an exposed, concrete entity, in a table of its own. */
@Entity
@ExposedResource(collectionName = "books", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Book extends Product {

	private String isbn;

	public Book() {
	}

	public Book(String name, String isbn) {
		super(name);
		this.isbn = isbn;
	}

	public String getIsbn() {
		return this.isbn;
	}

	public void setIsbn(String isbn) {
		this.isbn = isbn;
	}

}
