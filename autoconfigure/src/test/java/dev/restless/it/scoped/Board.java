package dev.restless.it.scoped;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A public board that features one task: whoever may not reach the task sees an empty relationship. */
@Entity
@Table(name = "scoped_board")
@ExposedResource(collectionName = "boards")
public class Board {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToOne
	private Task featured;

	public Board() {
	}

	public Board(String name, Task featured) {
		this.name = name;
		this.featured = featured;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public Task getFeatured() {
		return this.featured;
	}

}
