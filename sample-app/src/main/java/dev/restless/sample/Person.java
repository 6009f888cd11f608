package dev.restless.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

@Entity
@ExposedResource(collectionName = "people",
		methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH, ResourceMethod.DELETE },
		createAccess = SampleSecurity.EDITORS, updateAccess = SampleSecurity.EDITORS,
		deleteAccess = SampleSecurity.EDITORS,
		exclude = "password", allowFunctions = true)
public class Person {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	@Column(nullable = false, unique = true)
	private String name;

	@Min(0)
	private Integer age;

	private LocalDate birthDate;

	@Enumerated(EnumType.STRING)
	private Status status = Status.ACTIVE;

	@Email
	private String email;

	private String password;

	@OneToMany(mappedBy = "owner")
	private List<Computer> computers = new ArrayList<>();

	protected Person() {
	}

	public Person(String name, Integer age, LocalDate birthDate, String email) {
		this.name = name;
		this.age = age;
		this.birthDate = birthDate;
		this.email = email;
		this.password = "not-for-your-eyes";
		this.status = (birthDate != null && birthDate.getYear() < 1930) ? Status.RETIRED : Status.ACTIVE;
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

	public Integer getAge() {
		return this.age;
	}

	public void setAge(Integer age) {
		this.age = age;
	}

	public LocalDate getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public Status getStatus() {
		return this.status;
	}

	public void setStatus(Status status) {
		this.status = status;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public List<Computer> getComputers() {
		return this.computers;
	}

	public void setComputers(List<Computer> computers) {
		this.computers = computers;
	}

}
