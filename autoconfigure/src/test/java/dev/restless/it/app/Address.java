package dev.restless.it.app;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	private String street;

	private String city;

	public String getStreet() {
		return this.street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

}
