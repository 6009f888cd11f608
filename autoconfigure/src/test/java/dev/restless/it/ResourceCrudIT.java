package dev.restless.it;

import java.time.LocalDate;

import dev.restless.it.app.Address;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Country;
import dev.restless.it.app.Person;
import dev.restless.it.app.Status;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceCrudIT extends ApiIntegrationTest {

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		person.setAge(42);
		person.setBirthDate(LocalDate.of(1983, 4, 5));
		person.setStatus(Status.ACTIVE);
		person.setPassword("hunter2");
		person.setSecret("the secret");
		Address address = new Address();
		address.setStreet("1 Main St");
		address.setCity("Springfield");
		person.setAddress(address);
		this.fixtures.persist(person);
		return person;
	}

	@Test
	void getOfOneResourceReturnsAJsonApiDocumentWithAttributesRelationshipsAndAbsoluteLinks() {
		Person ada = person("Ada");

		ApiResponse response = this.api.get("/api/people/" + ada.getId());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/jsonapi/version").asString()).isEqualTo("1.1");
		assertThat(response.at("/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/id").isString()).isTrue();
		assertThat(response.at("/data/id").asString()).isEqualTo(ada.getId().toString());
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("Ada");
		assertThat(response.at("/data/attributes/age").asInt()).isEqualTo(42);
		assertThat(response.at("/data/attributes/birthDate").asString()).isEqualTo("1983-04-05");
		assertThat(response.at("/data/attributes/status").asString()).isEqualTo("ACTIVE");
		assertThat(response.at("/data/attributes/address/city").asString()).isEqualTo("Springfield");
		String self = this.api.root() + "/api/people/" + ada.getId();
		assertThat(response.at("/data/links/self").asString()).isEqualTo(self);
		assertThat(response.at("/links/self").asString()).isEqualTo(self);
		assertThat(response.at("/data/relationships/computers/links/self").asString())
			.isEqualTo(self + "/relationships/computers");
		assertThat(response.at("/data/relationships/computers/links/related").asString())
			.isEqualTo(self + "/computers");
		assertThat(response.at("/data/relationships/computers/data").isArray()).isTrue();
	}

	@Test
	void hiddenAndExcludedFieldsNeverAppearAndRenamedFieldsUseTheirJsonName() {
		Person ada = person("Ada");
		this.fixtures.update((em) -> em.find(Person.class, ada.getId()).setAlias("countess"));

		ApiResponse response = this.api.get("/api/people/" + ada.getId());

		JsonNode attributes = response.at("/data/attributes");
		assertThat(attributes.has("password")).isFalse();
		assertThat(attributes.has("secret")).isFalse();
		assertThat(attributes.has("alias")).isFalse();
		assertThat(attributes.get("nickname").asString()).isEqualTo("countess");
		assertThat(attributes.has("id")).isFalse();
		assertThat(response.text()).doesNotContain("hunter2").doesNotContain("the secret");
	}

	@Test
	void toOneLinkageComesFromTheForeignKey() {
		Person ada = person("Ada");
		Computer computer = new Computer();
		computer.setName("Analytical Engine");
		computer.setOwner(ada);
		this.fixtures.persist(computer);

		ApiResponse response = this.api.get("/api/computers/" + computer.getId());

		assertThat(response.at("/data/relationships/owner/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/relationships/owner/data/id").asString()).isEqualTo(ada.getId().toString());
		ApiResponse people = this.api.get("/api/people/" + ada.getId());
		assertThat(people.at("/data/relationships/computers/data/0/id").asString())
			.isEqualTo(computer.getId().toString());
	}

	@Test
	void postCreatesTheResourceAndAnswers201WithLocationEqualToSelf() {
		ApiResponse response = this.api.post("/api/people", json("""
				{'data': {'type': 'people', 'attributes': {'name': 'Grace', 'age': 85,
				  'birthDate': '1906-12-09', 'status': 'RETIRED', 'address': {'city': 'Arlington'}}}}"""));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		String id = response.at("/data/id").asString();
		assertThat(response.header("Location")).isEqualTo(this.api.root() + "/api/people/" + id)
			.isEqualTo(response.at("/data/links/self").asString());
		assertThat(response.at("/data/attributes/status").asString()).isEqualTo("RETIRED");
		Person stored = this.fixtures.read((em) -> em.find(Person.class, Long.valueOf(id)));
		assertThat(stored.getName()).isEqualTo("Grace");
		assertThat(stored.getBirthDate()).isEqualTo(LocalDate.of(1906, 12, 9));
		assertThat(stored.getAddress().getCity()).isEqualTo("Arlington");
		assertThat(stored.getCreatedAt()).isNotNull();
	}

	@Test
	void postAppliesRelationshipLinkage() {
		Person ada = person("Ada");

		ApiResponse response = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'Difference Engine'},
				  'relationships': {'owner': {'data': {'type': 'people', 'id': '%s'}}}}}""".formatted(ada.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.at("/data/relationships/owner/data/id").asString()).isEqualTo(ada.getId().toString());
		Long ownerId = this.fixtures.read((em) -> em
			.find(Computer.class, Long.valueOf(response.at("/data/id").asString()))
			.getOwner()
			.getId());
		assertThat(ownerId).isEqualTo(ada.getId());
	}

	@Test
	void postAcceptsAClientGeneratedIdWhereTheResourceAllowsIt() {
		String id = "6f1e3c0a-7f43-4c1e-9b7e-2d5f0f1a9c11";

		ApiResponse response = this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '" + id + "', 'attributes': {'label': 'red'}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.at("/data/id").asString()).isEqualTo(id);
		assertThat(this.api.get("/api/tags/" + id).at("/data/attributes/label").asString()).isEqualTo("red");
	}

	@Test
	void patchChangesOnlyTheMembersSent() {
		Person ada = person("Ada");

		ApiResponse response = this.api.patch("/api/people/" + ada.getId(), json("""
				{'data': {'type': 'people', 'id': '%s', 'attributes': {'age': 36}}}""".formatted(ada.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/attributes/age").asInt()).isEqualTo(36);
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("Ada");
		Person stored = this.fixtures.read((em) -> em.find(Person.class, ada.getId()));
		assertThat(stored.getAge()).isEqualTo(36);
		assertThat(stored.getStatus()).isEqualTo(Status.ACTIVE);
		assertThat(stored.getPassword()).isEqualTo("hunter2");
	}

	@Test
	void patchCanClearAToOneRelationship() {
		Person ada = person("Ada");
		Computer computer = new Computer();
		computer.setName("Engine");
		computer.setOwner(ada);
		this.fixtures.persist(computer);

		ApiResponse response = this.api.patch("/api/computers/" + computer.getId(), json("""
				{'data': {'type': 'computers', 'id': '%s', 'relationships': {'owner': {'data': null}}}}"""
			.formatted(computer.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/relationships/owner/data").isNull()).isTrue();
		Person owner = this.fixtures.read((em) -> em.find(Computer.class, computer.getId()).getOwner());
		assertThat(owner).isNull();
	}

	@Test
	void deleteRemovesTheResourceAndAnswers204() {
		Person ada = person("Ada");

		ApiResponse response = this.api.delete("/api/people/" + ada.getId());

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.text()).isEmpty();
		assertThat(this.fixtures.count(Person.class)).isZero();
		assertThat(this.api.get("/api/people/" + ada.getId()).status()).isEqualTo(404);
	}

	@Test
	void missingResourcesAndUnparsableIdsAre404() {
		ApiResponse missing = this.api.get("/api/people/987654");
		ApiResponse unparsable = this.api.get("/api/people/not-a-number");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.firstError().get("status").asString()).isEqualTo("404");
		assertThat(unparsable.status()).isEqualTo(404);
		assertThat(this.api.delete("/api/people/987654").status()).isEqualTo(404);
		assertThat(this.api.patch("/api/people/987654",
				json("{'data': {'type': 'people', 'id': '987654', 'attributes': {}}}")).status())
			.isEqualTo(404);
	}

	@Test
	void stringIdsAndDefaultCollectionNamesWork() {
		this.fixtures.persist(new Country("FR", "France"));

		ApiResponse response = this.api.get("/api/country/FR");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data/type").asString()).isEqualTo("country");
		assertThat(response.at("/data/id").asString()).isEqualTo("FR");
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("France");
	}

	@Test
	void integerIdsWork() {
		ApiResponse created = this.api.post("/api/badges", json("{'data': {'type': 'badges', 'attributes': {'label': 'gold'}}}"));
		String id = created.at("/data/id").asString();

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(this.api.get("/api/badges/" + id).at("/data/attributes/label").asString()).isEqualTo("gold");
		assertThat(this.api.get("/api/badges/99999999999").status()).isEqualTo(404);
		assertThat(this.api.get("/api/badges/1.5").status()).isEqualTo(404);
	}

	@Test
	void aMethodThatIsNotEnabledIs405WithAnAllowHeader() {
		this.fixtures.persist(new Country("FR", "France"));

		ApiResponse post = this.api.post("/api/country", json("{'data': {'type': 'country', 'id': 'DE'}}"));
		ApiResponse delete = this.api.delete("/api/country/FR");
		ApiResponse put = this.api.exchange("PUT", "/api/people/1", "{}", "Content-Type", "application/vnd.api+json");

		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).isEqualTo("GET");
		assertThat(post.firstError().get("status").asString()).isEqualTo("405");
		assertThat(delete.status()).isEqualTo(405);
		assertThat(delete.header("Allow")).isEqualTo("GET");
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.header("Allow")).isEqualTo("GET, PATCH, DELETE");
		assertThat(this.fixtures.count(Country.class)).isEqualTo(1);
	}

}
