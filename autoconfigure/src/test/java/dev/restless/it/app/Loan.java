package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

/**
 * A resource with an {@code @EmbeddedId} composite key, assigned by clients, and an eager to-one
 * relationship to a resource with a simple key.
 */
@Entity
@ExposedResource(collectionName = "loans", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE }, allowClientGeneratedIds = true)
public class Loan {

	@EmbeddedId
	private LoanId id;

	private String title;

	@ManyToOne
	private Borrower borrower;

	public Loan() {
	}

	public Loan(LoanId id, String title) {
		this.id = id;
		this.title = title;
	}

	public LoanId getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Borrower getBorrower() {
		return this.borrower;
	}

	public void setBorrower(Borrower borrower) {
		this.borrower = borrower;
	}

}
