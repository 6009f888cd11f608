package dev.restless.it.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.restless.ExposedResource;
import dev.restless.ResourceMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.annotations.CreationTimestamp;

@Entity
@ExposedResource(collectionName = "people", methods = { ResourceMethod.GET, ResourceMethod.POST, ResourceMethod.PATCH,
		ResourceMethod.DELETE }, maxPageSize = 50, exclude = "password")
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
	private Status status;

	@Email
	private String email;

	@Valid
	@Embedded
	private Address address;

	@JsonProperty("nickname")
	private String alias;

	@JsonProperty(access = JsonProperty.Access.READ_ONLY)
	private Integer score;

	@Column(updatable = false)
	private String signupCode;

	private String password;

	@JsonIgnore
	private String secret;

	@CreationTimestamp
	private OffsetDateTime createdAt;

	@OneToMany(mappedBy = "owner")
	private List<Computer> computers = new ArrayList<>();

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

	public Address getAddress() {
		return this.address;
	}

	public void setAddress(Address address) {
		this.address = address;
	}

	public String getAlias() {
		return this.alias;
	}

	public void setAlias(String alias) {
		this.alias = alias;
	}

	public Integer getScore() {
		return this.score;
	}

	public void setScore(Integer score) {
		this.score = score;
	}

	public String getSignupCode() {
		return this.signupCode;
	}

	public void setSignupCode(String signupCode) {
		this.signupCode = signupCode;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public OffsetDateTime getCreatedAt() {
		return this.createdAt;
	}

	public List<Computer> getComputers() {
		return this.computers;
	}

	public void setComputers(List<Computer> computers) {
		this.computers = computers;
	}

}
