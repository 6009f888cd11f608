package dev.restless.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "bench_computer", indexes = @Index(name = "bench_computer_owner", columnList = "owner_id"))
@ExposedResource(collectionName = "computers",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE })
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
