package dev.restless.it;

import java.util.ArrayList;
import java.util.List;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Folder;
import dev.restless.it.app.Person;
import dev.restless.it.app.Sheet;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad writes get a clear JSON:API error with a 4xx status and change nothing in the database.
 */
class WriteErrorsIT extends ApiIntegrationTest {

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		person.setPassword("hunter2");
		this.fixtures.persist(person);
		return person;
	}

	private void assertError(ApiResponse response, int status, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode error = response.firstError();
		assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("title").asString()).isNotBlank();
		assertThat(error.get("detail").asString()).isNotBlank();
		if (pointer != null) {
			assertThat(error.at("/source/pointer").asString()).isEqualTo(pointer);
		}
		assertThat(response.text()).doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("insert ")
			.doesNotContainIgnoringCase("constraint")
			.doesNotContain("dev.restless")
			.doesNotContain("java.");
	}

	@Test
	void aClientGeneratedIdIsForbiddenUnlessTheResourceAllowsIt() {
		ApiResponse response = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'id': '77', 'attributes': {'name': 'X'}}}"));

		assertError(response, 403, "/data/id");
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void aWrongTypeIs409AndAMissingTypeIs400() {
		assertError(this.api.post("/api/people", json("{'data': {'type': 'computers', 'attributes': {'name': 'X'}}}")),
				409, "/data/type");
		assertError(this.api.post("/api/people", json("{'data': {'attributes': {'name': 'X'}}}")), 400, "/data");
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void malformedJsonAndMissingDataAre400() {
		assertError(this.api.post("/api/people", "{\"data\": {"), 400, null);
		assertError(this.api.post("/api/people", "[1, 2]"), 400, null);
		assertError(this.api.post("/api/people", ""), 400, null);
		assertError(this.api.post("/api/people", json("{'meta': {}}")), 400, null);
		assertError(this.api.post("/api/people", json("{'data': [{'type': 'people'}]}")), 400, "/data");
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void anUnknownAttributeIs400AndAHiddenOneIsAnsweredExactlyTheSame() {
		ApiResponse unknown = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'shoeSize': 44}}}"));
		ApiResponse excluded = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'password': 'p'}}}"));
		ApiResponse ignored = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'secret': 's'}}}"));

		assertError(unknown, 400, "/data/attributes/shoeSize");
		assertError(excluded, 400, "/data/attributes/password");
		assertError(ignored, 400, "/data/attributes/secret");
		assertThat(excluded.firstError().get("detail").asString())
			.isEqualTo(unknown.firstError().get("detail").asString().replace("shoeSize", "password"));
		assertThat(ignored.firstError().get("title").asString()).isEqualTo(unknown.firstError().get("title").asString());
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void aValueOfTheWrongTypeIs400NamingTheExpectedShape() {
		ApiResponse response = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'age': 'old'}}}"));
		ApiResponse date = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'birthDate': 'yesterday'}}}"));
		ApiResponse enumeration = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'status': 'DANCING'}}}"));

		assertError(response, 400, "/data/attributes/age");
		assertThat(response.firstError().get("detail").asString()).contains("integer");
		assertError(date, 400, "/data/attributes/birthDate");
		assertThat(date.firstError().get("detail").asString()).contains("ISO-8601 date");
		assertError(enumeration, 400, "/data/attributes/status");
		assertThat(enumeration.firstError().get("detail").asString()).contains("ACTIVE").contains("RETIRED");
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void readOnlyAttributesRefuseWrites() {
		ApiResponse score = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'score': 5}}}"));
		ApiResponse created = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'X', 'createdAt': '2020-01-01T00:00:00Z'}}}"));
		Person ada = person("Ada");
		ApiResponse notUpdatable = this.api.patch("/api/people/" + ada.getId(), json(
				"{'data': {'type': 'people', 'id': '%s', 'attributes': {'signupCode': 'x'}}}".formatted(ada.getId())));

		assertError(score, 422, "/data/attributes/score");
		assertError(created, 422, "/data/attributes/createdAt");
		assertError(notUpdatable, 422, "/data/attributes/signupCode");
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
	}

	@Test
	void beanValidationViolationsAre422WithOneErrorPerViolation() {
		ApiResponse response = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': '', 'age': -1, 'email': 'nope'}}}"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.at("/errors").size()).isEqualTo(3);
		assertThat(response.at("/errors").valueStream().map((error) -> error.at("/source/pointer").asString()))
			.containsExactlyInAnyOrder("/data/attributes/name", "/data/attributes/age", "/data/attributes/email");
		assertThat(response.at("/errors").valueStream().map((error) -> error.get("status").asString()))
			.containsOnly("422");
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void aDuplicateClientGeneratedIdIs409() {
		String body = json("{'data': {'type': 'tags', 'id': '0b6f5d1e-2a8c-4f7e-9d3b-5c1a2e3f4d5e', 'attributes': {'label': 'a'}}}");
		assertThat(this.api.post("/api/tags", body).status()).isEqualTo(201);

		assertError(this.api.post("/api/tags", body), 409, "/data/id");
	}

	@Test
	void linkageToAMissingTargetIs404() {
		ApiResponse response = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': {'type': 'people', 'id': '424242'}}}}}"""));

		assertError(response, 404, "/data/relationships/owner/data");
		assertThat(this.fixtures.count(Computer.class)).isZero();
	}

	@Test
	void linkageOfTheWrongTypeIs409AndMalformedLinkageIs400() {
		Person ada = person("Ada");
		ApiResponse wrongType = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': {'type': 'tags', 'id': '%s'}}}}}""".formatted(ada.getId())));
		ApiResponse notAnObject = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'type': 'people', 'id': '%s'}}}}""".formatted(ada.getId())));
		ApiResponse unknown = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'maker': {'data': null}}}}"""));

		assertError(wrongType, 409, "/data/relationships/owner/data/type");
		assertError(notAnObject, 400, "/data/relationships/owner");
		assertError(unknown, 400, "/data/relationships/maker");
		assertThat(this.fixtures.count(Computer.class)).isZero();
	}

	@Test
	void patchMustNameTheResourceOfTheUrl() {
		Person ada = person("Ada");
		String url = "/api/people/" + ada.getId();

		assertError(this.api.patch(url, json("{'data': {'type': 'people', 'id': '999', 'attributes': {'age': 1}}}")),
				409, "/data/id");
		assertError(this.api.patch(url,
				json("{'data': {'type': 'computers', 'id': '%s', 'attributes': {'age': 1}}}".formatted(ada.getId()))),
				409, "/data/type");
		assertError(this.api.patch(url, json("{'data': {'type': 'people', 'attributes': {'age': 1}}}")), 400, "/data");
		Integer age = this.fixtures.read((em) -> em.find(Person.class, ada.getId()).getAge());
		assertThat(age).isNull();
	}

	@Test
	void deletingAResourceThatIsStillReferencedIs409WithoutSql() {
		Person ada = person("Ada");
		Computer computer = new Computer();
		computer.setName("Engine");
		computer.setOwner(ada);
		this.fixtures.persist(computer);

		ApiResponse response = this.api.delete("/api/people/" + ada.getId());

		assertError(response, 409, null);
		assertThat(response.firstError().get("detail").asString()).contains("referenced");
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
	}

	@Test
	void unknownCollectionsAndPathsUnderTheBasePathAreJsonApi404s() {
		assertError(this.api.get("/api/unicorns"), 404, null);
		assertError(this.api.get("/api/unicorns/1"), 404, null);
		assertError(this.api.get("/api/people/1/a/b/c/d"), 404, null);
		assertError(this.api.post("/api/unicorns", json("{'data': {'type': 'unicorns'}}")), 404, null);
	}

	@Test
	void aConstraintOnAToManyRelationshipIs422WhateverTheResponseRenders() {
		Folder folder = new Folder("full");
		this.fixtures.persist(folder);
		for (int index = 0; index < 4; index++) {
			Sheet sheet = new Sheet("sheet " + index);
			sheet.setFolder(folder);
			this.fixtures.persist(sheet);
		}
		String body = json("{'data': {'type': 'folders', 'id': '%s', 'attributes': {'name': 'renamed'}}}"
			.formatted(folder.getId()));

		ApiResponse rendered = this.api.patch("/api/folders/" + folder.getId(), body);
		ApiResponse notRendered = this.api.patch("/api/folders/" + folder.getId() + "?fields[folders]=name", body);

		for (ApiResponse response : List.of(rendered, notRendered)) {
			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo("/data/relationships/sheets");
		}
		String name = this.fixtures.read((em) -> em.find(Folder.class, folder.getId()).getName());
		assertThat(name).isEqualTo("full");
	}

	@Test
	void aConstraintViolatedThroughARelationshipEndpointPointsAtItsData() {
		Folder folder = new Folder("full");
		this.fixtures.persist(folder);
		List<Long> sheets = new ArrayList<>();
		for (int index = 0; index < 5; index++) {
			Sheet sheet = new Sheet("sheet " + index);
			// the folder holds three; two are free
			sheet.setFolder((index < 3) ? folder : null);
			this.fixtures.persist(sheet);
			sheets.add(sheet.getId());
		}
		String path = "/api/folders/" + folder.getId() + "/relationships/sheets";
		String one = json("{'data': [{'type': 'sheets', 'id': '%s'}]}".formatted(sheets.get(3)));
		String four = json("{'data': [%s]}".formatted(String.join(", ", sheets.subList(0, 4)
			.stream()
			.map((id) -> "{'type': 'sheets', 'id': '" + id + "'}")
			.toList())));
		String atomic = json("{'atomic:operations': [{'op': 'add', 'ref': {'type': 'folders', 'id': '%s', "
				+ "'relationship': 'sheets'}, 'data': [{'type': 'sheets', 'id': '%s'}]}]}")
			.formatted(folder.getId(), sheets.get(4));

		ApiResponse added = this.api.post(path, one);
		ApiResponse replaced = this.api.patch(path, four);
		ApiResponse inOperation = this.api.exchange("POST", "/api/operations", atomic, "Content-Type",
				JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);
		this.fixtures.update((em) -> {
			// five members, one more than the removal below leaves valid
			em.find(Sheet.class, sheets.get(3)).setFolder(em.find(Folder.class, folder.getId()));
			em.find(Sheet.class, sheets.get(4)).setFolder(em.find(Folder.class, folder.getId()));
		});
		ApiResponse removed = this.api.exchange("DELETE", path, one, "Content-Type", JsonApiClient.JSON_API);

		assertError(added, 422, "/data");
		assertThat(added.firstError().get("detail").asString()).startsWith("sheets ");
		assertError(replaced, 422, "/data");
		assertError(removed, 422, "/data");
		assertError(inOperation, 422, "/atomic:operations/0/data");
		long members = this.fixtures.read((em) -> em
			.createQuery("select count(s) from Sheet s where s.folder.id = :id", Long.class)
			.setParameter("id", folder.getId())
			.getSingleResult());
		assertThat(members).isEqualTo(5);
	}

}
