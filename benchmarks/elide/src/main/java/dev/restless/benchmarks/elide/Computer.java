package dev.restless.benchmarks.elide;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.yahoo.elide.annotation.Include;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The main benchmark application's computer, mapped onto its table and sequence, exposed as the
 * JSON:API type {@code computers} like Restless's.
 */
@Entity
@Table(name = "bench_computer")
@Include(name = "computers")
public class Computer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_computer_seq")
	@SequenceGenerator(name = "bench_computer_seq", sequenceName = "bench_computer_seq", allocationSize = 50)
	private Long id;

	private String name;

	private String vendor;

	private BigDecimal price;

	private LocalDate purchaseDate;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person owner;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVendor() {
		return this.vendor;
	}

	public void setVendor(String vendor) {
		this.vendor = vendor;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public LocalDate getPurchaseDate() {
		return this.purchaseDate;
	}

	public void setPurchaseDate(LocalDate purchaseDate) {
		this.purchaseDate = purchaseDate;
	}

	public Person getOwner() {
		return this.owner;
	}

	public void setOwner(Person owner) {
		this.owner = owner;
	}

}
