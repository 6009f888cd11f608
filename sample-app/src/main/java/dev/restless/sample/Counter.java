package dev.restless.sample;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A named counter, versioned: its documents carry an {@code ETag}, and writes can be made
 * conditional with {@code If-Match} or {@code meta.version}.
 */
@Entity
@ExposedResource(collectionName = "counters",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Counter {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@Column(name = "current_value") // VALUE is a reserved word of SQL
	private long value;

	@Version
	private Long version;

	protected Counter() {
	}

	public Counter(String name, long value) {
		this.name = name;
		this.value = value;
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

	public long getValue() {
		return this.value;
	}

	public void setValue(long value) {
		this.value = value;
	}

	public Long getVersion() {
		return this.version;
	}

}
