package dev.restless.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotBlank;

@Entity
@ExposedResource(collectionName = "computers",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE },
		createAccess = SampleSecurity.EDITORS, updateAccess = SampleSecurity.EDITORS,
		deleteAccess = SampleSecurity.EDITORS)
public class Computer {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	private String name;

	private String vendor;

	private LocalDate purchaseDate;

	private BigDecimal price;

	@ManyToOne(fetch = FetchType.LAZY)
	private Person owner;

	protected Computer() {
	}

	public Computer(String name, String vendor, LocalDate purchaseDate, Person owner) {
		this.name = name;
		this.vendor = vendor;
		this.purchaseDate = purchaseDate;
		this.owner = owner;
	}

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

	public LocalDate getPurchaseDate() {
		return this.purchaseDate;
	}

	public void setPurchaseDate(LocalDate purchaseDate) {
		this.purchaseDate = purchaseDate;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public Person getOwner() {
		return this.owner;
	}

	public void setOwner(Person owner) {
		this.owner = owner;
	}

}
