package dev.restless.it.app;

import java.util.UUID;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A resource with a client-generated UUID id and a page size set by the annotation. */
@Entity
@ExposedResource(collectionName = "tags", methods = { ResourceMethod.GET, ResourceMethod.POST },
		allowClientGeneratedIds = true, pageSize = 5)
public class Tag {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String label;

	public UUID getId() {
		return this.id;
	}

	public void setId(UUID id) {
		this.id = id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

}
