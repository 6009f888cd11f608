package dev.restless.benchmarks.elide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.yahoo.elide.annotation.Include;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;

/**
 * The main benchmark application's person, mapped onto its table and sequence, exposed as the
 * JSON:API type {@code people} like Restless's.
 */
@Entity
@Table(name = "bench_person")
@Include(name = "people")
public class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_person_seq")
	@SequenceGenerator(name = "bench_person_seq", sequenceName = "bench_person_seq", allocationSize = 50)
	private Long id;

	@NotBlank
	@Column(nullable = false)
	private String name;

	private String email;

	private int age;

	private LocalDate birthDate;

	private String city;

	private boolean active;

	@Version
	private long version;

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

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public int getAge() {
		return this.age;
	}

	public void setAge(int age) {
		this.age = age;
	}

	public LocalDate getBirthDate() {
		return this.birthDate;
	}

	public void setBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return this.version;
	}

	public List<Computer> getComputers() {
		return this.computers;
	}

	public void setComputers(List<Computer> computers) {
		this.computers = computers;
	}

}
