package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;

/** An exposed subclass of an exposed, concrete entity in a single table. */
@Entity
@ExposedResource(collectionName = "managers", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Manager extends Employee {

	private Integer reports;

	public Manager() {
	}

	public Manager(String name, Integer reports) {
		super(name);
		this.reports = reports;
	}

	public Integer getReports() {
		return this.reports;
	}

	public void setReports(Integer reports) {
		this.reports = reports;
	}

}
