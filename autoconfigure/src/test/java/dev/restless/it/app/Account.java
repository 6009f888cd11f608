package dev.restless.it.app;

import java.time.Instant;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * A versioned resource with a client-generated String id, audited dates and a check constraint
 * only the database enforces. {@code application.yml} makes it require If-Match.
 */
@Entity
@Table(check = @CheckConstraint(name = "account_balance_not_negative", constraint = "balance >= 0"))
@EntityListeners(AuditingEntityListener.class)
@ExposedResource(collectionName = "accounts", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE }, allowClientGeneratedIds = true)
public class Account {

	@Id
	@Column(name = "account_number")
	private String number;

	@Column(nullable = false)
	private String holder;

	private long balance;

	@Version
	private Integer version;

	@CreatedDate
	private Instant openedAt;

	@LastModifiedDate
	private Instant changedAt;

	public String getNumber() {
		return this.number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getHolder() {
		return this.holder;
	}

	public void setHolder(String holder) {
		this.holder = holder;
	}

	public long getBalance() {
		return this.balance;
	}

	public void setBalance(long balance) {
		this.balance = balance;
	}

	public Integer getVersion() {
		return this.version;
	}

	public Instant getOpenedAt() {
		return this.openedAt;
	}

	public void setOpenedAt(Instant openedAt) {
		this.openedAt = openedAt;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public void setChangedAt(Instant changedAt) {
		this.changedAt = changedAt;
	}

}
