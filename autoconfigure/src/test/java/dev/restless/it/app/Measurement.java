package dev.restless.it.app;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.restless.ExposedResource;
import dev.restless.Total;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * A read-only resource that allows function evaluation, with the value types filters convert to
 * that the other entities lack, a write-only attribute, and a to-one relationship two levels away
 * from people.
 */
@Entity
@ExposedResource(collectionName = "measurements", allowFunctions = true, total = Total.ESTIMATED,
		estimatedTotalThreshold = 50)
public class Measurement {

	@Id
	@GeneratedValue
	private Long id;

	private String label;

	private boolean approved;

	private Double reading;

	private Integer grade;

	private LocalDateTime takenAt;

	private Instant recordedAt;

	private UUID batch;

	@JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
	private String pin;

	@ManyToOne(fetch = FetchType.LAZY)
	private Computer device;

	public Long getId() {
		return this.id;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public boolean isApproved() {
		return this.approved;
	}

	public void setApproved(boolean approved) {
		this.approved = approved;
	}

	public Double getReading() {
		return this.reading;
	}

	public void setReading(Double reading) {
		this.reading = reading;
	}

	public Integer getGrade() {
		return this.grade;
	}

	public void setGrade(Integer grade) {
		this.grade = grade;
	}

	public LocalDateTime getTakenAt() {
		return this.takenAt;
	}

	public void setTakenAt(LocalDateTime takenAt) {
		this.takenAt = takenAt;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public void setRecordedAt(Instant recordedAt) {
		this.recordedAt = recordedAt;
	}

	public UUID getBatch() {
		return this.batch;
	}

	public void setBatch(UUID batch) {
		this.batch = batch;
	}

	public String getPin() {
		return this.pin;
	}

	public void setPin(String pin) {
		this.pin = pin;
	}

	public Computer getDevice() {
		return this.device;
	}

	public void setDevice(Computer device) {
		this.device = device;
	}

}
