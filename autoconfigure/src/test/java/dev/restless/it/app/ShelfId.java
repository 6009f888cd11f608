package dev.restless.it.app;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of a {@link Shelf}: the room and the slot in it. */
public class ShelfId implements Serializable {

	private String room;

	private Integer slot;

	public ShelfId() {
	}

	public ShelfId(String room, Integer slot) {
		this.room = room;
		this.slot = slot;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ShelfId id && Objects.equals(this.room, id.room) && Objects.equals(this.slot, id.slot);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.room, this.slot);
	}

}
