package dev.restless.it.app;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;

/**
 * A versioned resource whose annotation requires If-Match on PATCH and DELETE, with a to-many
 * relationship whose members may be replaced and removed.
 */
@Entity
@ExposedResource(collectionName = "notes", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE }, requireIfMatch = true, allowToManyReplacement = true,
		allowDeleteFromToManyRelationships = true)
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	@Version
	private Long version;

	@ManyToMany
	private Set<Tag> tags = new LinkedHashSet<>();

	public Note() {
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

	public Set<Tag> getTags() {
		return this.tags;
	}

	public void setTags(Set<Tag> tags) {
		this.tags = tags;
	}

}
