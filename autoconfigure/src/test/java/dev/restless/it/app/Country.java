package dev.restless.it.app;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A read-only resource (the default methods) with a natural String id. */
@Entity
@ExposedResource
public class Country {

	@Id
	private String code;

	private String name;

	public Country() {
	}

	public Country(String code, String name) {
		this.code = code;
		this.name = name;
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

}
