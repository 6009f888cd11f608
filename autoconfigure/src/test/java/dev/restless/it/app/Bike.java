package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;

/** Another exposed subclass of the same single-table hierarchy. */
@Entity
@ExposedResource(methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH }, collectionName = "bikes")
public class Bike extends Vehicle {

	private Integer gears;

	public Integer getGears() {
		return this.gears;
	}

	public void setGears(Integer gears) {
		this.gears = gears;
	}

}
