package dev.restless.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.rest.core.config.Projection;

/**
 * Spring Data REST's closest equivalent of {@code include=owner,owner.computers}: a projection
 * that inlines the owner and the owner's computers.
 */
@Projection(name = "withOwner", types = Computer.class)
public interface ComputerWithOwner {

	String getName();

	String getVendor();

	BigDecimal getPrice();

	LocalDate getPurchaseDate();

	Owner getOwner();

	/** The owner as inlined. */
	interface Owner {

		String getName();

		String getEmail();

		int getAge();

		LocalDate getBirthDate();

		String getCity();

		boolean isActive();

		List<ComputerSummary> getComputers();

	}

	/** The owner's computers as inlined. */
	interface ComputerSummary {

		String getName();

		String getVendor();

	}

}
