package dev.restless.sample;

import java.time.LocalDateTime;

import dev.restless.ExposedResource;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A graded measurement, read-only, over which the eval endpoint computes functions. */
@Entity
@ExposedResource(collectionName = "measurements", allowFunctions = true)
public class Measurement {

	@Id
	@GeneratedValue
	private Long id;

	private int grade;

	private LocalDateTime takenAt;

	private boolean approved;

	protected Measurement() {
	}

	public Measurement(int grade, LocalDateTime takenAt, boolean approved) {
		this.grade = grade;
		this.takenAt = takenAt;
		this.approved = approved;
	}

	public Long getId() {
		return this.id;
	}

	public int getGrade() {
		return this.grade;
	}

	public LocalDateTime getTakenAt() {
		return this.takenAt;
	}

	public boolean isApproved() {
		return this.approved;
	}

}
