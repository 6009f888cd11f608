package dev.restless.it;

import java.util.ArrayList;
import java.util.List;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The number of SQL statements each operation costs, whatever the number of rows.
 */
class SqlBudgetIT extends ApiIntegrationTest {

	private List<Computer> computers(int count, Person owner) {
		List<Computer> computers = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			Computer computer = new Computer();
			computer.setName("computer " + index);
			computer.setOwner(owner);
			computers.add(computer);
		}
		this.fixtures.persist(computers.toArray());
		return computers;
	}

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		this.fixtures.persist(person);
		return person;
	}

	private void assertStatements(ApiResponse response, int expected) {
		assertThat(response.status()).as(response.text()).isLessThan(300);
		assertThat(SqlStatementCounter.statements()).as("SQL statements").hasSize(expected);
	}

	@Test
	void getOfOneResourceIsOneStatement() {
		Computer computer = computers(1, person("Ada")).get(0);
		SqlStatementCounter.reset();

		ApiResponse response = this.api.get("/api/computers/" + computer.getId());

		assertStatements(response, 1);
		assertThat(response.at("/data/relationships/owner/data/id").isMissingNode()).isFalse();
	}

	@Test
	void getOfOneResourceWithAToManyRelationshipIsStillOneStatement() {
		Person ada = person("Ada");
		List<Computer> owned = computers(3, ada);
		SqlStatementCounter.reset();

		ApiResponse response = this.api.get("/api/people/" + ada.getId());

		assertStatements(response, 1);
		assertThat(response.at("/data/relationships/computers/data").size()).isEqualTo(3);
		assertThat(response.at("/data/relationships/computers/data/0/id").asString())
			.isEqualTo(owned.get(0).getId().toString());
	}

	@Test
	void getOfAPageOfFiftyIsThePageAndTheCount() {
		computers(120, person("Ada"));
		SqlStatementCounter.reset();

		ApiResponse response = this.api.get("/api/computers?page[size]=50");

		assertStatements(response, 2);
		assertThat(response.at("/data").size()).isEqualTo(50);
		assertThat(response.at("/meta/total").asLong()).isEqualTo(120);
	}

	@Test
	void aPageWhoseResourcesHaveAToManyRelationshipAddsOneStatementForAllTheirLinkage() {
		for (int index = 0; index < 60; index++) {
			computers(2, person("person " + index));
		}
		SqlStatementCounter.reset();

		ApiResponse response = this.api.get("/api/people?page[size]=50");

		assertStatements(response, 3);
		assertThat(response.at("/data/49/relationships/computers/data").size()).isEqualTo(2);
	}

	@Test
	void postIsTheInsertPlusIdGeneration() {
		Person owner = person("Ada");
		SqlStatementCounter.reset();

		ApiResponse response = this.api.post("/api/computers", json("{'data': {'type': 'computers', 'attributes': {'name': 'x'}}}"));

		assertThat(response.status()).isEqualTo(201);
		List<String> statements = SqlStatementCounter.statements();
		assertThat(statements.stream().filter((sql) -> sql.toLowerCase().startsWith("insert"))).hasSize(1);
		assertThat(statements.stream().filter((sql) -> !sql.toLowerCase().startsWith("insert")))
			.as("statements besides the insert: id generation only")
			.allSatisfy((sql) -> assertThat(sql.toLowerCase()).containsAnyOf("next value", "nextval", "_seq"));
		assertThat(statements).hasSizeLessThanOrEqualTo(2);
		assertThat(owner.getId()).isNotNull();
	}

	@Test
	void theLinkageOfANewResourceComesFromMemoryNotFromAQuery() {
		ApiResponse response = this.api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'x'}}}"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.at("/data/relationships/computers/data").isArray()).isTrue();
		assertThat(SqlStatementCounter.statements()).as("SQL statements")
			.noneMatch((sql) -> sql.toLowerCase().startsWith("select") && sql.toLowerCase().contains("join"));
		assertThat(SqlStatementCounter.statements().stream().filter((sql) -> sql.toLowerCase().startsWith("insert")))
			.hasSize(1);
		assertThat(SqlStatementCounter.statements()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void patchIsASelectAndAnUpdate() {
		Computer computer = computers(1, null).get(0);
		SqlStatementCounter.reset();

		ApiResponse response = this.api.patch("/api/computers/" + computer.getId(),
				json("{'data': {'type': 'computers', 'id': '%s', 'attributes': {'vendor': 'acme'}}}"
					.formatted(computer.getId())));

		assertStatements(response, 2);
		assertThat(SqlStatementCounter.statements().get(0).toLowerCase()).startsWith("select");
		assertThat(SqlStatementCounter.statements().get(1).toLowerCase()).startsWith("update");
	}

	@Test
	void patchOfAResourceWithAToManyRelationshipIsStillASelectAndAnUpdate() {
		Person ada = person("Ada");
		List<Computer> owned = computers(3, ada);
		SqlStatementCounter.reset();

		ApiResponse response = this.api.patch("/api/people/" + ada.getId(),
				json("{'data': {'type': 'people', 'id': '%s', 'attributes': {'age': 36}}}".formatted(ada.getId())));

		assertStatements(response, 2);
		assertThat(SqlStatementCounter.statements().get(1).toLowerCase()).startsWith("update");
		assertThat(response.at("/data/attributes/age").asInt()).isEqualTo(36);
		assertThat(response.at("/data/relationships/computers/data").findValuesAsString("id"))
			.containsExactlyElementsOf(owned.stream().map((computer) -> computer.getId().toString()).toList());
	}

	@Test
	void deleteIsASelectAndADelete() {
		Computer computer = computers(1, null).get(0);
		SqlStatementCounter.reset();

		ApiResponse response = this.api.delete("/api/computers/" + computer.getId());

		assertStatements(response, 2);
		assertThat(SqlStatementCounter.statements().get(0).toLowerCase()).startsWith("select");
		assertThat(SqlStatementCounter.statements().get(1).toLowerCase()).startsWith("delete");
	}

}
