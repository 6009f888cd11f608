package dev.restless.it.app;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/** The owning side of a one-to-one with a seat; not exposed. */
@Entity
public class Ticket {

	@Id
	@GeneratedValue
	private Long id;

	@OneToOne
	private Seat seat;

	public Ticket() {
	}

	public Ticket(Seat seat) {
		this.seat = seat;
	}

	public Long getId() {
		return this.id;
	}

	public Seat getSeat() {
		return this.seat;
	}

	public void setSeat(Seat seat) {
		this.seat = seat;
	}

}
