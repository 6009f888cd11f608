package dev.restless.it.app;

import java.math.BigDecimal;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;

/** A resource whose id, version and one attribute come from a mapped superclass. */
@Entity
@ExposedResource(methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH }, collectionName = "invoices")
public class Invoice extends Audited {

	private BigDecimal amount;

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

}
