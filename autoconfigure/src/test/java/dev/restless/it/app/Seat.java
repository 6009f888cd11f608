package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/**
 * A resource that the owning side of a one-to-one refers to, mapped back to it, so that loading a
 * seat loads its ticket too.
 */
@Entity
@ExposedResource(collectionName = "seats", methods = { ResourceMethod.GET, ResourceMethod.DELETE })
public class Seat {

	@Id
	@GeneratedValue
	private Long id;

	private String label;

	@OneToOne(mappedBy = "seat")
	private Ticket ticket;

	public Seat() {
	}

	public Seat(String label) {
		this.label = label;
	}

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public Ticket getTicket() {
		return this.ticket;
	}

	public void setTicket(Ticket ticket) {
		this.ticket = ticket;
	}

}
