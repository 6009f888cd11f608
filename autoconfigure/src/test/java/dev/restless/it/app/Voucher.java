package dev.restless.it.app;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A resource whose constraints only the database enforces, without Bean Validation: a unique,
 * required and short code, a unique serial under a named constraint, a number of limited
 * precision, and a hidden unique column derived from a label.
 */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_voucher_serial", columnNames = "serial"))
@ExposedResource(collectionName = "vouchers", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH })
public class Voucher {

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false, unique = true, length = 8)
	private String code;

	private String serial;

	@Column(precision = 5, scale = 2)
	private BigDecimal amount;

	private String label;

	@JsonIgnore
	@Column(unique = true)
	private String normalizedLabel;

	@PrePersist
	void normalize() {
		this.normalizedLabel = (this.label != null) ? this.label.toUpperCase() : null;
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getSerial() {
		return this.serial;
	}

	public void setSerial(String serial) {
		this.serial = serial;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public String getLabel() {
		return this.label;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public String getNormalizedLabel() {
		return this.normalizedLabel;
	}

}
