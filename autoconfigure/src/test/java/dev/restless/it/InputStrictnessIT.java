package dev.restless.it;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.restless.it.app.Address;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.Queries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes take values and documents exactly as JSON:API and the attribute types define them: a
 * value of the wrong JSON type, a member an embeddable does not have, a number or a date that
 * cannot be stored as sent, or a document member of the wrong type is refused with a pointer to
 * it, and changes nothing.
 */
class InputStrictnessIT extends ApiIntegrationTest {

	private Person ada;

	@BeforeEach
	void ada() {
		this.ada = new Person();
		this.ada.setName("Ada");
		this.ada.setAge(36);
		this.ada.setBirthDate(LocalDate.of(1815, 12, 10));
		Address address = new Address();
		address.setCity("London");
		this.ada.setAddress(address);
		this.fixtures.persist(this.ada);
	}

	private String adaPath() {
		return "/api/people/" + this.ada.getId();
	}

	private static JsonNode assertError(ApiResponse response, int status, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode error = response.firstError();
		assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("detail").asString()).isNotBlank();
		assertThat(error.at("/source/pointer").asString()).as(response.text()).isEqualTo(pointer);
		assertThat(response.text()).doesNotContain("java.").doesNotContain("tools.jackson").doesNotContain("Address");
		return error;
	}

	private void nothingChanged() {
		Person stored = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()));
		assertThat(stored.getName()).isEqualTo("Ada");
		assertThat(stored.getAge()).isEqualTo(36);
		assertThat(stored.getBirthDate()).isEqualTo(LocalDate.of(1815, 12, 10));
		assertThat(stored.getStatus()).isNull();
		assertThat(stored.getAddress().getCity()).isEqualTo("London");
		assertThat(stored.getAddress().getPostalCode()).isNull();
		assertThat(this.fixtures.count(Person.class)).isOne();
	}

	private ApiResponse patchAda(String attributes) {
		return this.api.patch(adaPath(),
				json("{'data': {'type': 'people', 'id': '" + this.ada.getId() + "', 'attributes': " + attributes + "}}"));
	}

	private ApiResponse postPerson(String attributes) {
		return this.api.post("/api/people", json("{'data': {'type': 'people', 'attributes': " + attributes + "}}"));
	}

	private ApiResponse operations(String operations) {
		return plainClient().exchange("POST", "/api/operations",
				json("{'atomic:operations': [" + operations + "]}"), "Content-Type", JsonApiClient.ATOMIC, "Accept",
				JsonApiClient.ATOMIC);
	}

	/** Send attributes in a POST, a PATCH, an atomic add and an atomic update: each is refused alike. */
	private void assertRefusedEverywhere(String attributes, int status, String member) {
		assertError(postPerson(attributes), status, "/data/attributes/" + member);
		assertError(patchAda(attributes), status, "/data/attributes/" + member);
		assertError(operations("{'op': 'add', 'data': {'type': 'people', 'attributes': " + attributes + "}}"), status,
				"/atomic:operations/0/data/attributes/" + member);
		assertError(operations("{'op': 'update', 'data': {'type': 'people', 'id': '" + this.ada.getId()
				+ "', 'attributes': " + attributes + "}}"), status, "/atomic:operations/0/data/attributes/" + member);
		nothingChanged();
	}

	@Test
	void anUnknownMemberOfAnEmbeddedAttributeIs400AtThatMember() {
		assertRefusedEverywhere("{'name': 'Bea', 'address': {'planet': 'Mars'}}", 400, "address/planet");
		assertRefusedEverywhere("{'name': 'Bea', 'address': {'city': 'Paris', 'planet': 'Mars'}}", 400,
				"address/planet");
		JsonNode error = assertError(patchAda("{'address': {'planet': 'Mars'}}"), 400, "/data/attributes/address/planet");
		assertThat(error.get("detail").asString()).contains("planet").doesNotContain("street").doesNotContain("city");
	}

	@Test
	void aMemberOfTheWrongTypeInsideAnEmbeddedAttributeIs400AtThatMember() {
		assertRefusedEverywhere("{'name': 'Bea', 'address': {'city': 5}}", 400, "address/city");
		assertRefusedEverywhere("{'name': 'Bea', 'address': {'city': true}}", 400, "address/city");
		assertRefusedEverywhere("{'name': 'Bea', 'address': 'Paris'}", 400, "address");
		assertRefusedEverywhere("{'name': 'Bea', 'address': ['Paris']}", 400, "address");
	}

	@Test
	void anEmbeddedAttributeWithKnownMembersIsStored() {
		ApiResponse response = patchAda("{'address': {'street': '12 Rue', 'city': 'Paris', 'postalCode': '75001'}}");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/attributes/address/postalCode").asString()).isEqualTo("75001");
		Address stored = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()).getAddress());
		assertThat(stored.getCity()).isEqualTo("Paris");
		assertThat(stored.getPostalCode()).isEqualTo("75001");
	}

	@Test
	void aViolationInsideAnEmbeddedAttributePointsAtItsMember() {
		String attributes = "{'name': 'Bea', 'address': {'city': 'Paris', 'postalCode': '75001-75020'}}";

		JsonNode error = assertError(postPerson(attributes), 422, "/data/attributes/address/postalCode");
		assertThat(error.get("detail").asString()).startsWith("address.postalCode size must be between 0 and 10");
		assertRefusedEverywhere(attributes, 422, "address/postalCode");
	}

	@Test
	void valuesOfTheWrongJsonTypeAre400() {
		assertRefusedEverywhere("{'name': true}", 400, "name");
		assertRefusedEverywhere("{'name': 23}", 400, "name");
		assertRefusedEverywhere("{'name': 'Bea', 'age': '23'}", 400, "age");
		assertRefusedEverywhere("{'name': 'Bea', 'age': ' 23'}", 400, "age");
		assertRefusedEverywhere("{'name': 'Bea', 'age': '+23'}", 400, "age");
		assertRefusedEverywhere("{'name': 'Bea', 'age': true}", 400, "age");
		assertRefusedEverywhere("{'name': 'Bea', 'age': ''}", 400, "age");
		assertRefusedEverywhere("{'name': 'Bea', 'birthDate': 0}", 400, "birthDate");
		assertRefusedEverywhere("{'name': 'Bea', 'birthDate': []}", 400, "birthDate");
		assertRefusedEverywhere("{'name': 'Bea', 'birthDate': [1815, 12, 10]}", 400, "birthDate");
		assertRefusedEverywhere("{'name': 'Bea', 'birthDate': ''}", 400, "birthDate");
		assertRefusedEverywhere("{'name': 'Bea', 'status': 0}", 400, "status");
		assertRefusedEverywhere("{'name': 'Bea', 'status': ''}", 400, "status");

		assertError(this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine', 'price': '12.5'}}}")), 400,
				"/data/attributes/price");
		assertError(this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 12}}}")), 400, "/data/attributes/name");
		assertThat(this.fixtures.count(Computer.class)).isZero();
		nothingChanged();
	}

	@Test
	void valuesOfTheRightJsonTypeAreStoredAsSent() {
		ApiResponse response = patchAda(
				"{'name': 'Ada King', 'age': 37.0, 'birthDate': '1815-12-11', 'status': 'RETIRED', 'email': null}");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		Person stored = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()));
		assertThat(stored.getName()).isEqualTo("Ada King");
		assertThat(stored.getAge()).isEqualTo(37);
		assertThat(stored.getBirthDate()).isEqualTo(LocalDate.of(1815, 12, 11));
		assertThat(stored.getStatus()).hasToString("RETIRED");
		ApiResponse computer = this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine', 'price': 12.5}}}"));
		assertThat(computer.status()).as(computer.text()).isEqualTo(201);
		BigDecimal price = this.fixtures
			.read((em) -> em.createQuery("select c.price from Computer c", BigDecimal.class).getSingleResult());
		assertThat(price).isEqualByComparingTo("12.5");
	}

	@Test
	void numbersBeyondTheRangeOfTheirTypeAre400InEveryWrite() {
		for (String number : new String[] { "1e400", "-1e400", "1e10", "2147483648", "-2147483649",
				"1e999999999" }) {
			assertRefusedEverywhere("{'name': 'Bea', 'age': " + number + "}", 400, "age");
		}
		assertError(this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine', 'price': 1e400}}}")), 400,
				"/data/attributes/price");
		assertThat(this.fixtures.count(Computer.class)).isZero();
		nothingChanged();

		ApiResponse exponent = patchAda("{'age': 3.7e1}");
		assertThat(exponent.status()).as(exponent.text()).isEqualTo(200);
		assertThat(exponent.at("/data/attributes/age").asInt()).isEqualTo(37);
	}

	@Test
	void datesBeforeTheGregorianCalendarAre400AndLaterOnesAreStoredAsSent() {
		for (String skipped : new String[] { "1582-10-05", "1582-10-10", "1582-10-14", "1582-10-04", "1000-01-01",
				"0001-01-01" }) {
			assertRefusedEverywhere("{'name': 'Bea', 'birthDate': '" + skipped + "'}", 400, "birthDate");
			ApiResponse filter = this.api.get("/api/people?" + Queries.objects(
					"[{'name': 'birthDate', 'op': '==', 'val': '" + skipped + "'}]"));
			assertThat(filter.status()).as(filter.text()).isEqualTo(400);
		}
		for (String date : new String[] { "1582-10-15", "1582-10-31", "1900-02-28", "9999-12-31" }) {
			ApiResponse response = patchAda("{'birthDate': '" + date + "'}");
			assertThat(response.status()).as(response.text()).isEqualTo(200);
			assertThat(response.at("/data/attributes/birthDate").asString()).isEqualTo(date);
			assertThat(this.api.get(adaPath()).at("/data/attributes/birthDate").asString()).isEqualTo(date);
			LocalDate stored = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()).getBirthDate());
			assertThat(stored).isEqualTo(LocalDate.parse(date));
			Number day = this.fixtures.read((em) -> (Number) em
				.createNativeQuery("select extract(day from birth_date) from person where id = " + this.ada.getId())
				.getSingleResult());
			assertThat(day.intValue()).as("the day the database holds for " + date)
				.isEqualTo(LocalDate.parse(date).getDayOfMonth());
			ApiResponse found = this.api.get("/api/people?" + Queries.objects(
					"[{'name': 'birthDate', 'op': '==', 'val': '" + date + "'}]"));
			assertThat(found.at("/data").size()).as(found.text()).isOne();
		}
	}

	@Test
	void membersOfTheWrongTypeMakeAMalformedDocument() {
		String id = this.ada.getId().toString();
		Computer engine = new Computer();
		engine.setName("Engine");
		this.fixtures.persist(engine);
		String[][] cases = { { "'lid': 1", "/data/lid" }, { "'lid': null", "/data/lid" },
				{ "'meta': 1", "/data/meta" }, { "'meta': []", "/data/meta" }, { "'links': 'self'", "/data/links" },
				{ "'links': null", "/data/links" } };
		for (String[] member : cases) {
			assertError(this.api.post("/api/people",
					json("{'data': {'type': 'people', " + member[0] + ", 'attributes': {'name': 'Bea'}}}")), 400,
					member[1]);
			assertError(this.api.patch(adaPath(), json("{'data': {'type': 'people', 'id': '" + id + "', " + member[0]
					+ ", 'attributes': {'name': 'Bea'}}}")), 400, member[1]);
			assertError(operations("{'op': 'add', 'data': {'type': 'people', " + member[0]
					+ ", 'attributes': {'name': 'Bea'}}}"), 400, "/atomic:operations/0" + member[1]);
			assertError(operations("{'op': 'update', 'data': {'type': 'people', 'id': '" + id + "', " + member[0]
					+ ", 'attributes': {'name': 'Bea'}}}"), 400, "/atomic:operations/0" + member[1]);
		}
		String[][] topLevel = { { "'meta': 1", "/meta" }, { "'meta': 'x'", "/meta" }, { "'jsonapi': '1.1'", "/jsonapi" },
				{ "'links': []", "/links" }, { "'included': []", "/included" },
				{ "'included': [{'type': 'people', 'id': '" + id + "', 'attributes': {'name': 'Bea'}}]", "/included" } };
		for (String[] member : topLevel) {
			assertError(this.api.post("/api/people",
					json("{'data': {'type': 'people', 'attributes': {'name': 'Bea'}}, " + member[0] + "}")), 400,
					member[1]);
			assertError(this.api.patch(adaPath(), json("{'data': {'type': 'people', 'id': '" + id
					+ "', 'attributes': {'name': 'Bea'}}, " + member[0] + "}")), 400, member[1]);
			assertError(this.api.patch("/api/computers/" + engine.getId() + "/relationships/owner", json("{'data': null, " + member[0] + "}")),
					400, member[1]);
			assertError(plainClient().exchange("POST", "/api/operations",
					json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Bea'}}}], "
							+ member[0] + "}"),
					"Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC), 400, member[1]);
		}
		nothingChanged();
		Person owner = this.fixtures.read((em) -> em.find(Computer.class, engine.getId()).getOwner());
		assertThat(owner).isNull();

		ApiResponse wellFormed = this.api.patch(adaPath(), json("{'data': {'type': 'people', 'id': '" + id
				+ "', 'lid': 'ada', 'meta': {}, 'links': {}, 'attributes': {'age': 37}}, 'meta': {'client': 'x'}, "
				+ "'jsonapi': {'version': '1.1'}, 'links': {}}"));
		assertThat(wellFormed.status()).as(wellFormed.text()).isEqualTo(200);
	}

}
