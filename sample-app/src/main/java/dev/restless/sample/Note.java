package dev.restless.sample;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A note that nobody may change blindly: changes must name the version they expect. */
@Entity
@ExposedResource(collectionName = "notes",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE },
		requireIfMatch = true)
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	@Version
	private Long version;

	protected Note() {
	}

	public Note(String text) {
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public Long getVersion() {
		return this.version;
	}

}
