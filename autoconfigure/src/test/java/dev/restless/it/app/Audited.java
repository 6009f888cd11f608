package dev.restless.it.app;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/** The common base of entities whose id, version and reference are declared once, here. */
@MappedSuperclass
public abstract class Audited {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String reference;

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getReference() {
		return this.reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

}
