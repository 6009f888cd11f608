package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A member of a folder; it holds the foreign key. */
@Entity
@ExposedResource(collectionName = "sheets", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE })
public class Sheet {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@ManyToOne
	private Folder folder;

	public Sheet() {
	}

	public Sheet(String name) {
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

	public Folder getFolder() {
		return this.folder;
	}

	public void setFolder(Folder folder) {
		this.folder = folder;
	}

}
