package dev.restless.it.app;

import jakarta.persistence.Entity;

/** A subclass of an exposed entity that is not exposed itself. */
@Entity
public class Intern extends Employee {

	private String school;

	public Intern() {
	}

	public Intern(String name, String school) {
		super(name);
		this.school = school;
	}

	public String getSchool() {
		return this.school;
	}

	public void setSchool(String school) {
		this.school = school;
	}

}
