package dev.restless.it.app;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

/**
 * The concrete root of a single-table hierarchy, exposed like its subclass {@link Manager}; its
 * subclass {@link Intern} is not exposed.
 */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@ExposedResource(collectionName = "employees", methods = { ResourceMethod.GET, ResourceMethod.POST,
		ResourceMethod.PATCH, ResourceMethod.DELETE })
public class Employee {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	/** Who mentors this employee: any employee, a manager among them. */
	@ManyToOne(fetch = FetchType.LAZY)
	private Employee mentor;

	@OneToMany(mappedBy = "mentor")
	private List<Employee> mentees = new ArrayList<>();

	public Employee() {
	}

	public Employee(String name) {
		this.name = name;
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

	public Employee getMentor() {
		return this.mentor;
	}

	public void setMentor(Employee mentor) {
		this.mentor = mentor;
	}

	public List<Employee> getMentees() {
		return this.mentees;
	}

}
