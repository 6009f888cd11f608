package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;

/** One exposed subclass of a single-table hierarchy. */
@Entity
@ExposedResource(methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH }, collectionName = "cars")
public class Car extends Vehicle {

	private Integer doors;

	public Integer getDoors() {
		return this.doors;
	}

	public void setDoors(Integer doors) {
		this.doors = doors;
	}

}
