package dev.restless.it.app;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Embeddable;

/** The composite key of a {@link Loan}: the library and the number of the book in it. */
@Embeddable
public class LoanId implements Serializable {

	private String libraryCode;

	private Integer bookNumber;

	public LoanId() {
	}

	public LoanId(String libraryCode, Integer bookNumber) {
		this.libraryCode = libraryCode;
		this.bookNumber = bookNumber;
	}

	public String getLibraryCode() {
		return this.libraryCode;
	}

	public Integer getBookNumber() {
		return this.bookNumber;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LoanId id && Objects.equals(this.libraryCode, id.libraryCode)
				&& Objects.equals(this.bookNumber, id.bookNumber);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.libraryCode, this.bookNumber);
	}

	@Override
	public String toString() {
		return "LoanId[" + this.libraryCode + ", " + this.bookNumber + "]";
	}

}
