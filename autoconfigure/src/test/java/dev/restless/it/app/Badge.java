package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A resource with an Integer id. */
@Entity
@ExposedResource(collectionName = "badges", methods = { ResourceMethod.GET, ResourceMethod.POST })
public class Badge {

	@Id
	@GeneratedValue
	private Integer id;

	private String label;

	public Integer getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

}
