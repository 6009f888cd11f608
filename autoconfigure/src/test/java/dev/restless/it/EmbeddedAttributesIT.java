package dev.restless.it;

import java.util.ArrayList;
import java.util.List;

import dev.restless.it.app.Address;
import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.Queries.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members of {@code @Embedded} attributes are fields of their resource for queries: they are
 * filtered and sorted on by their path ({@code address.city}), and an unknown member is an
 * unknown field.
 */
class EmbeddedAttributesIT extends ApiIntegrationTest {

	@BeforeEach
	void people() {
		this.fixtures.persist(person("Ada", "London"), person("Bea", "Paris"), person("Cy", "Berlin"),
				person("Di", null));
	}

	private static Person person(String name, String city) {
		Person person = new Person();
		person.setName(name);
		if (city != null) {
			Address address = new Address();
			address.setCity(city);
			person.setAddress(address);
		}
		return person;
	}

	private static List<String> names(ApiResponse response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			names.add(resource.at("/attributes/name").asString());
		}
		return names;
	}

	@Test
	void aMemberOfAnEmbeddedAttributeIsFilteredOnByItsPath() {
		String equals = encode("[{\"name\":\"address.city\",\"op\":\"==\",\"val\":\"Paris\"}]");
		String like = encode("[{\"name\":\"address.city\",\"op\":\"like\",\"val\":\"%on%\"}]");

		assertThat(names(this.api.get("/api/people?filter[objects]=" + equals))).containsExactly("Bea");
		assertThat(names(this.api.get("/api/people?filter[objects]=" + like))).containsExactly("Ada");
		assertThat(names(this.api.get("/api/people?filter[address.city]=Berlin"))).containsExactly("Cy");
	}

	@Test
	void aMemberOfAnEmbeddedAttributeIsSortedOnByItsPathWithNullsAsGreaterThanEveryValue() {
		assertThat(names(this.api.get("/api/people?sort=address.city"))).containsExactly("Cy", "Ada", "Bea", "Di");
		assertThat(names(this.api.get("/api/people?sort=-address.city"))).containsExactly("Di", "Bea", "Ada", "Cy");
	}

	@Test
	void anUnknownMemberOfAnEmbeddedAttributeIsAnUnknownField() {
		String planet = encode("[{\"name\":\"address.planet\",\"op\":\"==\",\"val\":\"Mars\"}]");

		ApiResponse filter = this.api.get("/api/people?filter[objects]=" + planet);
		ApiResponse sort = this.api.get("/api/people?sort=address.planet");
		ApiResponse whole = this.api.get("/api/people?sort=address");

		assertThat(filter.status()).as(filter.text()).isEqualTo(400);
		assertThat(filter.firstError().get("detail").asString()).contains("planet");
		assertThat(sort.status()).as(sort.text()).isEqualTo(400);
		assertThat(whole.status()).as(whole.text()).isEqualTo(400);
	}

}
