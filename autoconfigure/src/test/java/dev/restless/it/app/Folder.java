package dev.restless.it.app;

import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;

/**
 * A versioned resource whose to-many relationship is mapped by the other side (changing it writes
 * the members' rows, not the folder's) and carries a Bean Validation constraint.
 */
@Entity
@ExposedResource(collectionName = "folders", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE }, allowToManyReplacement = true, allowDeleteFromToManyRelationships = true)
public class Folder {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@Version
	private Long version;

	@OneToMany(mappedBy = "folder")
	@Size(max = 3)
	private List<Sheet> sheets = new ArrayList<>();

	public Folder() {
	}

	public Folder(String name) {
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

	public Long getVersion() {
		return this.version;
	}

	public List<Sheet> getSheets() {
		return this.sheets;
	}

	public void setSheets(List<Sheet> sheets) {
		this.sheets = sheets;
	}

}
