package dev.restless.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.restless.Operation;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Measurement;
import dev.restless.it.app.Person;
import dev.restless.it.app.Status;
import dev.restless.it.app.Tag;
import dev.restless.it.app.TestFilterOperators;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import dev.restless.query.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.Queries.encode;
import static dev.restless.it.support.Queries.objects;
import static dev.restless.it.support.Queries.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter language over HTTP: every operator and alias, value conversion for every supported
 * type, dotted names, relationship filters, the simple forms, single results, preprocessors that
 * change filters, custom operators and the SQL a filtered page costs.
 */
class FilterIT extends ApiIntegrationTest {

	private Person ada;

	private Person grace;

	private Person alan;

	private Person zoe;

	@BeforeEach
	void people() {
		this.ada = person("Ada", 36, LocalDate.of(1815, 12, 10), Status.RETIRED, "ada@example.com", 40);
		this.grace = person("Grace", 85, LocalDate.of(1906, 12, 9), Status.ACTIVE, "grace@example.com", 80);
		this.alan = person("Alan", 41, LocalDate.of(1912, 6, 23), Status.RETIRED, null, 41);
		this.alan.setAlias("Alan");
		this.zoe = person("Zoë", null, null, null, "zoe@example.com", null);
		this.fixtures.persist(this.ada, this.grace, this.alan, this.zoe);
	}

	@AfterEach
	void resetApplication() {
		TestProcessors.reset();
		TestFilterOperators.equalToCalls.clear();
	}

	private static Person person(String name, Integer age, LocalDate birthDate, Status status, String email,
			Integer score) {
		Person person = new Person();
		person.setName(name);
		person.setAge(age);
		person.setBirthDate(birthDate);
		person.setStatus(status);
		person.setEmail(email);
		person.setScore(score);
		person.setPassword("hunter2");
		return person;
	}

	private void computers() {
		this.fixtures.persist(computer("Analytical Engine", "Babbage & Co", "1000.00", this.ada),
				computer("UNIVAC", "Remington", "750.50", this.grace), computer("Mark I", "IBM", "500", this.grace),
				computer("Pilot ACE", null, null, this.alan), computer("Orphan", "ibm", "10", null));
	}

	private static Computer computer(String name, String vendor, String price, Person owner) {
		Computer computer = new Computer();
		computer.setName(name);
		computer.setVendor(vendor);
		computer.setPrice((price != null) ? new BigDecimal(price) : null);
		computer.setOwner(owner);
		return computer;
	}

	private List<String> people(String filters) {
		ApiResponse response = this.api.get("/api/people?" + objects(filters));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/meta/total").asInt()).isEqualTo(response.at("/data").size());
		return values(response, "name");
	}

	private List<String> peopleJson(String filters) {
		ApiResponse response = this.api.get("/api/people?filter%5Bobjects%5D=" + encode(filters));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return values(response, "name");
	}

	private List<String> computers(String query) {
		ApiResponse response = this.api.get("/api/computers?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return values(response, "name");
	}

	private List<String> measurements(String filters) {
		ApiResponse response = this.api.get("/api/measurements?" + objects(filters));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return values(response, "label");
	}

	// ---- operators

	@Test
	void equalityAndItsAliasesMatchEqualValues() {
		for (String operator : List.of("==", "eq", "equals")) {
			assertThat(people("[{'name': 'name', 'op': '" + operator + "', 'val': 'Grace'}]")).as(operator)
				.containsExactly("Grace");
		}
	}

	@Test
	void inequalityAndItsAliasesLeaveOutEqualAndNullValues() {
		for (String operator : List.of("!=", "ne", "neq", "not_equal_to", "does_not_equal")) {
			assertThat(people("[{'name': 'status', 'op': '" + operator + "', 'val': 'ACTIVE'}]")).as(operator)
				.containsExactly("Ada", "Alan");
		}
	}

	@Test
	void orderingOperatorsAndTheirAliasesCompareNumbers() {
		for (String operator : List.of(">", "gt")) {
			assertThat(people("[{'name': 'age', 'op': '" + operator + "', 'val': 41}]")).as(operator)
				.containsExactly("Grace");
		}
		for (String operator : List.of("<", "lt")) {
			assertThat(people("[{'name': 'age', 'op': '" + operator + "', 'val': 41}]")).as(operator)
				.containsExactly("Ada");
		}
		for (String operator : List.of(">=", "ge", "gte", "geq")) {
			assertThat(people("[{'name': 'age', 'op': '" + operator + "', 'val': 41}]")).as(operator)
				.containsExactly("Grace", "Alan");
		}
		for (String operator : List.of("<=", "le", "lte", "leq")) {
			assertThat(people("[{'name': 'age', 'op': '" + operator + "', 'val': 41}]")).as(operator)
				.containsExactly("Ada", "Alan");
		}
	}

	@Test
	void orderingOperatorsCompareTextAndDates() {
		assertThat(people("[{'name': 'name', 'op': '<', 'val': 'B'}]")).containsExactly("Ada", "Alan");
		assertThat(people("[{'name': 'birthDate', 'op': '<', 'val': '1900-01-01'}]")).containsExactly("Ada");
		assertThat(people("[{'name': 'birthDate', 'op': '>=', 'val': '1906-12-09'}]")).containsExactly("Grace",
				"Alan");
	}

	@Test
	void inAndNotInMatchListsAndTheEmptyList() {
		assertThat(people("[{'name': 'name', 'op': 'in', 'val': ['Alan', 'Ada', 'Nobody']}]"))
			.containsExactly("Ada", "Alan");
		assertThat(people("[{'name': 'age', 'op': 'not_in', 'val': [36, 41]}]")).containsExactly("Grace");
		assertThat(people("[{'name': 'name', 'op': 'in', 'val': []}]")).isEmpty();
		assertThat(people("[{'name': 'name', 'op': 'not_in', 'val': []}]")).containsExactly("Ada", "Grace", "Alan",
				"Zoë");
	}

	@Test
	void isNullAndIsNotNullTestAttributesAndToOneRelationships() {
		computers();
		assertThat(people("[{'name': 'age', 'op': 'is_null'}]")).containsExactly("Zoë");
		assertThat(people("[{'name': 'email', 'op': 'is_not_null'}]")).containsExactly("Ada", "Grace", "Zoë");
		assertThat(computers(objects("[{'name': 'owner', 'op': 'is_null'}]"))).containsExactly("Orphan");
		assertThat(computers(objects("[{'name': 'owner', 'op': 'is_not_null'}]"))).containsExactly(
				"Analytical Engine", "UNIVAC", "Mark I", "Pilot ACE");
	}

	@Test
	void textEqualityIsCaseAndAccentSensitiveOnEveryDatabase() {
		computers();

		assertThat(people("[{'name': 'name', 'op': '==', 'val': 'ada'}]")).isEmpty();
		assertThat(people("[{'name': 'name', 'op': '==', 'val': 'Zoe'}]")).isEmpty();
		assertThat(people("[{'name': 'name', 'op': '!=', 'val': 'ada'}]")).hasSize(4);
		assertThat(computers(objects("[{'name': 'vendor', 'op': '==', 'val': 'ibm'}]"))).containsExactly("Orphan");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'in', 'val': ['IBM', 'REMINGTON']}]")))
			.containsExactly("Mark I");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'not_in', 'val': ['IBM']}]")))
			.containsExactly("Analytical Engine", "UNIVAC", "Orphan");
		assertThat(values(this.api.get("/api/people?filter%5Bname%5D=ADA"), "name")).isEmpty();
	}

	@Test
	void likeIsCaseAndAccentSensitiveOnEveryDatabase() {
		computers();
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'like', 'val': 'IB%'}]"))).containsExactly("Mark I");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'like', 'val': 'ib_'}]"))).containsExactly("Orphan");
		assertThat(people("[{'name': 'name', 'op': 'like', 'val': 'A%'}]")).containsExactly("Ada", "Alan");
		assertThat(people("[{'name': 'name', 'op': 'like', 'val': 'a%'}]")).isEmpty();
		assertThat(people("[{'name': 'name', 'op': 'like', 'val': 'Zo_'}]")).containsExactly("Zoë");
		assertThat(people("[{'name': 'name', 'op': 'like', 'val': 'Zoe'}]")).isEmpty();
		assertThat(people("[{'name': 'name', 'op': 'like', 'val': 'zoë'}]")).isEmpty();
	}

	@Test
	void notLikeKeepsTheValuesThatDoNotMatch() {
		computers();
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'not_like', 'val': 'IB%'}]")))
			.containsExactly("Analytical Engine", "UNIVAC", "Orphan");
	}

	@Test
	void ilikeIgnoresCaseButNotAccentsOnEveryDatabase() {
		computers();
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'ilike', 'val': 'ib%'}]"))).containsExactly("Mark I",
				"Orphan");
		assertThat(people("[{'name': 'name', 'op': 'ilike', 'val': 'a%'}]")).containsExactly("Ada", "Alan");
		assertThat(people("[{'name': 'name', 'op': 'ilike', 'val': 'ZOË'}]")).containsExactly("Zoë");
		assertThat(people("[{'name': 'name', 'op': 'ilike', 'val': 'zoe'}]")).isEmpty();
	}

	@Test
	void aBackslashEscapesLikeWildcards() {
		this.fixtures.persist(computer("Discount", "50% Off", null, null), computer("Budget", "500 Off", null, null),
				computer("Snake", "a_b", null, null), computer("Camel", "aXb", null, null));

		assertThat(computers(objects("[{'name': 'vendor', 'op': 'like', 'val': '50\\\\%%'}]")))
			.containsExactly("Discount");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'like', 'val': '50%'}]"))).containsExactly("Discount",
				"Budget");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'ilike', 'val': 'A\\\\_B'}]")))
			.containsExactly("Snake");
	}

	// ---- values of every type

	@Test
	void valuesAreConvertedToEveryAttributeType() {
		computers();
		UUID batch = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
		this.fixtures.persist(measurement("first", true, 1.5, 3, LocalDateTime.of(2024, 1, 1, 9, 30),
				Instant.parse("2024-03-01T10:00:00Z"), batch),
				measurement("second", false, 2.25, 7, LocalDateTime.of(2024, 1, 2, 18, 0),
						Instant.parse("2024-07-01T10:00:00Z"), UUID.randomUUID()));

		assertThat(measurements("[{'name': 'approved', 'op': '==', 'val': true}]")).containsExactly("first");
		assertThat(measurements("[{'name': 'approved', 'op': '==', 'val': 'false'}]")).containsExactly("second");
		assertThat(measurements("[{'name': 'reading', 'op': '>', 'val': 1.5}]")).containsExactly("second");
		assertThat(measurements("[{'name': 'reading', 'op': '==', 'val': 2.25}]")).containsExactly("second");
		assertThat(measurements("[{'name': 'grade', 'op': 'in', 'val': [3, '4']}]")).containsExactly("first");
		assertThat(measurements("[{'name': 'takenAt', 'op': '>=', 'val': '2024-01-01T12:00:00'}]"))
			.containsExactly("second");
		assertThat(measurements("[{'name': 'recordedAt', 'op': '<', 'val': '2024-06-01T00:00:00Z'}]"))
			.containsExactly("first");
		assertThat(measurements("[{'name': 'recordedAt', 'op': '<', 'val': '2024-03-01T11:30:00+02:00'}]")).isEmpty();
		assertThat(measurements("[{'name': 'recordedAt', 'op': '>=', 'val': '2024-03-01T12:00:00+02:00'}]"))
			.containsExactly("first", "second");
		assertThat(measurements("[{'name': 'batch', 'op': '==', 'val': '" + batch + "'}]")).containsExactly("first");
		assertThat(people("[{'name': 'status', 'op': '==', 'val': 'RETIRED'}]")).containsExactly("Ada", "Alan");
		assertThat(people("[{'name': 'createdAt', 'op': '>', 'val': '2000-01-01T00:00:00Z'}]")).hasSize(4);
		assertThat(people("[{'name': 'createdAt', 'op': '<', 'val': '2000-01-01T00:00:00+01:00'}]")).isEmpty();
		assertThat(people("[{'name': 'id', 'op': '==', 'val': " + this.grace.getId() + "}]")).containsExactly("Grace");
		assertThat(people("[{'name': 'id', 'op': 'in', 'val': ['" + this.ada.getId() + "']}]"))
			.containsExactly("Ada");
		assertThat(computers(objects("[{'name': 'price', 'op': '>=', 'val': 750.5}]")))
			.containsExactly("Analytical Engine", "UNIVAC");
		assertThat(computers(objects("[{'name': 'price', 'op': '==', 'val': '500.00'}]"))).containsExactly("Mark I");
	}

	@Test
	void clientGeneratedUuidIdsCanBeFilteredOn() {
		Tag red = tag("6f1e3c0a-7f43-4c1e-9b7e-2d5f0f1a9c11", "red");
		Tag blue = tag("7a2b4d1e-0c35-4f8a-8e11-3b6c9d0e2f44", "blue");
		this.fixtures.persist(red, blue);

		ApiResponse response = this.api
			.get("/api/tags?" + objects("[{'name': 'id', 'op': '==', 'val': '" + blue.getId() + "'}]"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(values(response, "label")).containsExactly("blue");
	}

	private static Tag tag(String id, String label) {
		Tag tag = new Tag();
		tag.setId(UUID.fromString(id));
		tag.setLabel(label);
		return tag;
	}

	private static Measurement measurement(String label, boolean approved, Double reading, Integer grade,
			LocalDateTime takenAt, Instant recordedAt, UUID batch) {
		Measurement measurement = new Measurement();
		measurement.setLabel(label);
		measurement.setApproved(approved);
		measurement.setReading(reading);
		measurement.setGrade(grade);
		measurement.setTakenAt(takenAt);
		measurement.setRecordedAt(recordedAt);
		measurement.setBatch(batch);
		measurement.setPin("1234");
		return measurement;
	}

	@Test
	void aFieldCanBeComparedWithAnotherField() {
		assertThat(people("[{'name': 'age', 'op': '>', 'field': 'score'}]")).containsExactly("Grace");
		assertThat(people("[{'name': 'age', 'op': '==', 'field': 'score'}]")).containsExactly("Alan");
		assertThat(people("[{'name': 'age', 'op': 'lt', 'field': 'score'}]")).containsExactly("Ada");
		assertThat(people("[{'name': 'name', 'op': 'eq', 'field': 'nickname'}]")).containsExactly("Alan");
	}

	// ---- names, relationships and combinations

	@Test
	void dottedNamesReachAttributesOfToOneRelationships() {
		computers();
		Measurement reading = measurement("on the engine", true, 1.0, 1, null, null, null);
		reading.setDevice(this.fixtures.read((em) -> em
			.createQuery("select c from Computer c where c.name = 'Analytical Engine'", Computer.class)
			.getSingleResult()));
		this.fixtures.persist(reading, measurement("loose", true, 2.0, 2, null, null, null));

		assertThat(computers(objects("[{'name': 'owner.name', 'op': '==', 'val': 'Grace'}]"))).containsExactly("UNIVAC",
				"Mark I");
		assertThat(computers(objects("[{'name': 'owner.age', 'op': '<', 'val': 50}]")
				+ "&sort=-name")).containsExactly("Pilot ACE", "Analytical Engine");
		assertThat(computers(objects("[{'name': 'owner.id', 'op': '==', 'val': '" + this.alan.getId() + "'}]")))
			.containsExactly("Pilot ACE");
		assertThat(measurements("[{'name': 'device.owner.name', 'op': '==', 'val': 'Ada'}]"))
			.containsExactly("on the engine");
	}

	@Test
	void hasFiltersOnAToOneRelationshipAndAnyOnAToManyRelationship() {
		computers();

		assertThat(computers(objects("[{'name': 'owner', 'op': 'has', 'val': {'name': 'age', 'op': '<', 'val': 40}}]")))
			.containsExactly("Analytical Engine");
		assertThat(people("[{'name': 'computers', 'op': 'any', 'val': {'name': 'vendor', 'op': '==', 'val': 'IBM'}}]"))
			.containsExactly("Grace");
		assertThat(people("[{'not': {'name': 'computers', 'op': 'any', 'val': {'name': 'id', 'op': 'is_not_null'}}}]"))
			.containsExactly("Zoë");
		assertThat(computers(objects(
				"[{'not': {'name': 'owner', 'op': 'has', 'val': {'name': 'name', 'op': '==', 'val': 'Grace'}}}]")))
			.containsExactly("Analytical Engine", "Pilot ACE", "Orphan");
	}

	@Test
	void filtersApplyToToManyRelatedCollections() {
		computers();

		ApiResponse response = this.api.get("/api/people/" + this.grace.getId() + "/computers?"
				+ objects("[{'name': 'price', 'op': '<', 'val': 600}]"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(values(response, "name")).containsExactly("Mark I");
		assertThat(response.at("/meta/total").asInt()).isEqualTo(1);
	}

	@Test
	void filtersAndSortApplyToToManyRelationshipLinkage() {
		computers();
		String url = "/api/people/" + this.grace.getId() + "/relationships/computers?";

		ApiResponse filtered = this.api.get(url + objects("[{'name': 'vendor', 'op': '==', 'val': 'IBM'}]"));
		ApiResponse sorted = this.api.get(url + "sort=-name");
		ApiResponse toOne = this.api.get("/api/computers/1/relationships/owner?filter%5Bname%5D=x");

		assertThat(filtered.status()).as(filtered.text()).isEqualTo(200);
		assertThat(filtered.at("/data").size()).isEqualTo(1);
		Long markI = this.fixtures.read((em) -> em
			.createQuery("select c.id from Computer c where c.name = 'Mark I'", Long.class)
			.getSingleResult());
		assertThat(filtered.at("/data/0/id").asString()).isEqualTo(markI.toString());
		assertThat(sorted.at("/data").size()).isEqualTo(2);
		assertThat(sorted.at("/data/1/id").asString()).isEqualTo(markI.toString());
		assertThat(toOne.status()).isEqualTo(400);
		assertThat(toOne.firstError().at("/source/parameter").asString()).isEqualTo("filter[name]");
	}

	@Test
	void anyNeverDuplicatesRowsOrInflatesTheTotal() {
		computers();

		ApiResponse response = this.api.get("/api/people?page%5Bsize%5D=1&"
				+ objects("[{'name': 'computers', 'op': 'any', 'val': {'name': 'price', 'op': '>', 'val': 0}}]"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(values(response, "name")).containsExactly("Ada");
		assertThat(response.at("/meta/total").asInt()).isEqualTo(2);
		ApiResponse second = this.api.get("/api/people?page%5Bsize%5D=1&page%5Bnumber%5D=2&"
				+ objects("[{'name': 'computers', 'op': 'any', 'val': {'name': 'price', 'op': '>', 'val': 0}}]"));
		assertThat(values(second, "name")).containsExactly("Grace");
		assertThat(second.at("/links/next").isNull()).isTrue();
	}

	@Test
	void relationshipFiltersNest() {
		computers();
		Computer markOne = this.fixtures.read((em) -> em
			.createQuery("select c from Computer c where c.name = 'Mark I'", Computer.class)
			.getSingleResult());
		Measurement onMarkOne = measurement("on Mark I", true, 1.0, 1, null, null, null);
		onMarkOne.setDevice(markOne);
		this.fixtures.persist(onMarkOne, measurement("elsewhere", true, 1.0, 1, null, null, null));

		assertThat(measurements("[{'name': 'device', 'op': 'has', 'val': {'name': 'owner', 'op': 'has', "
				+ "'val': {'name': 'status', 'op': '==', 'val': 'ACTIVE'}}}]"))
			.containsExactly("on Mark I");
		assertThat(people("[{'name': 'computers', 'op': 'any', 'val': {'and': [{'name': 'price', 'op': '<', 'val': 600}, "
				+ "{'name': 'owner', 'op': 'has', 'val': {'name': 'age', 'op': '>', 'val': 80}}]}}]"))
			.containsExactly("Grace");
	}

	@Test
	void andOrAndNotCombineFiltersAndTopLevelItemsAreAnded() {
		assertThat(people("[{'or': [{'name': 'age', 'op': '<', 'val': 40}, {'name': 'age', 'op': '>', 'val': 80}]}]"))
			.containsExactly("Ada", "Grace");
		assertThat(people("[{'and': [{'name': 'status', 'op': '==', 'val': 'RETIRED'}, "
				+ "{'name': 'age', 'op': '>', 'val': 40}]}]")).containsExactly("Alan");
		assertThat(people("[{'not': {'name': 'status', 'op': '==', 'val': 'RETIRED'}}]")).containsExactly("Grace");
		assertThat(people("[{'name': 'status', 'op': '==', 'val': 'RETIRED'}, {'name': 'name', 'op': 'like', 'val': 'A%'},"
				+ " {'name': 'age', 'op': '<', 'val': 40}]")).containsExactly("Ada");
		assertThat(people("[{'and': []}]")).hasSize(4);
		assertThat(people("[{'or': []}]")).isEmpty();
		assertThat(people("[]")).hasSize(4);
	}

	@Test
	void valuesWithQuotesSqlAndUnicodeAreMatchedLiterally() {
		Person tricky = person("O'Brien \"the\" -- ; DROP TABLE person", 30, null, null, null, null);
		this.fixtures.persist(tricky);

		assertThat(peopleJson("[{\"name\": \"name\", \"op\": \"==\", \"val\": \"x' OR '1'='1\"}]")).isEmpty();
		assertThat(peopleJson("[{\"name\": \"name\", \"op\": \"like\", \"val\": \"%' OR 1=1 --\"}]")).isEmpty();
		assertThat(peopleJson("[{\"name\": \"name\", \"op\": \"==\", "
				+ "\"val\": \"O'Brien \\\"the\\\" -- ; DROP TABLE person\"}]"))
			.containsExactly("O'Brien \"the\" -- ; DROP TABLE person");
		assertThat(people("[{'name': 'name', 'op': '==', 'val': 'Zoë'}]")).containsExactly("Zoë");
		assertThat(people("[{'name': 'name', 'op': 'in', 'val': ['漢字', '🚀', 'Zoë']}]")).containsExactly("Zoë");
		assertThat(this.fixtures.count(Person.class)).isEqualTo(5);
		assertThat(SqlStatementCounter.statements()).noneMatch((sql) -> sql.contains("OR '1'='1")
				|| sql.contains("Brien") || sql.contains("Zoë"));
	}

	// ---- simple forms

	@Test
	void anAttributeParameterMeansEqualityForOneValueAndInForSeveral() {
		assertThat(values(this.api.get("/api/people?filter%5Bname%5D=Ada"), "name")).containsExactly("Ada");
		assertThat(values(this.api.get("/api/people?filter%5Bname%5D=Grace,Ada"), "name")).containsExactly("Ada",
				"Grace");
		assertThat(values(this.api.get("/api/people?filter%5Bstatus%5D=RETIRED&filter%5Bage%5D=41"), "name"))
			.containsExactly("Alan");
		assertThat(values(this.api.get("/api/people?filter%5Bid%5D=" + this.zoe.getId()), "name"))
			.containsExactly("Zoë");
		assertThat(values(this.api.get("/api/people?filter%5Bname%5D=" + encode("Zoë")), "name"))
			.containsExactly("Zoë");
	}

	@Test
	void aToOneRelationshipParameterFiltersOnTheRelatedIds() {
		computers();

		assertThat(computers("filter%5Bowner%5D=" + this.grace.getId())).containsExactly("UNIVAC", "Mark I");
		assertThat(computers("filter%5Bowner%5D=" + this.ada.getId() + "," + this.alan.getId()))
			.containsExactly("Analytical Engine", "Pilot ACE");
		assertThat(computers("filter%5Bowner%5D=" + this.grace.getId() + "&"
				+ objects("[{'name': 'vendor', 'op': '==', 'val': 'IBM'}]"))).containsExactly("Mark I");
		assertThat(computers("filter%5Bowner.name%5D=Alan")).containsExactly("Pilot ACE");
	}

	@Test
	void singleAnswersTheOneMatchingResourceAsAnObject() {
		ApiResponse response = this.api
			.get("/api/people?filter%5Bsingle%5D=1&" + objects("[{'name': 'age', 'op': '>', 'val': 80}]"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").isObject()).isTrue();
		assertThat(response.at("/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/id").asString()).isEqualTo(this.grace.getId().toString());
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("Grace");
	}

	@Test
	void singleAnswers404ForNoneOrSeveralMatches() {
		ApiResponse none = this.api
			.get("/api/people?filter%5Bsingle%5D=1&" + objects("[{'name': 'age', 'op': '>', 'val': 100}]"));
		ApiResponse several = this.api
			.get("/api/people?filter%5Bsingle%5D=1&" + objects("[{'name': 'age', 'op': '>', 'val': 30}]"));

		assertThat(none.status()).isEqualTo(404);
		assertThat(none.firstError().get("detail").asString()).contains("No 'people' matches");
		assertThat(several.status()).isEqualTo(404);
		assertThat(several.firstError().get("detail").asString()).contains("More than one 'people'");
	}

	@Test
	void singleZeroAnswersAPage() {
		ApiResponse response = this.api.get("/api/people?filter%5Bsingle%5D=0&filter%5Bname%5D=Ada");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data").isArray()).isTrue();
		assertThat(values(response, "name")).containsExactly("Ada");
	}

	@Test
	void singleAnswersOneIdentifierOnToManyRelationshipLinkageOr404() {
		computers();
		String url = "/api/people/" + this.grace.getId() + "/relationships/computers?filter%5Bsingle%5D=1";

		ApiResponse one = this.api.get(url + "&" + objects("[{'name': 'vendor', 'op': '==', 'val': 'IBM'}]"));
		ApiResponse none = this.api.get(url + "&" + objects("[{'name': 'vendor', 'op': '==', 'val': 'Nobody'}]"));
		ApiResponse several = this.api.get(url);

		assertThat(one.status()).as(one.text()).isEqualTo(200);
		assertThat(one.at("/data").isObject()).isTrue();
		assertThat(one.at("/data/type").asString()).isEqualTo("computers");
		assertThat(one.at("/data/id").asString()).isEqualTo(computerId("Mark I").toString());
		assertThat(one.at("/data").size()).isEqualTo(2);
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.firstError().get("detail").asString()).contains("No 'computers' matches");
		assertThat(several.status()).isEqualTo(404);
		assertThat(several.firstError().get("detail").asString()).contains("More than one 'computers'");
	}

	@Test
	void singleAnswersOneResourceOnToManyRelatedCollectionsOr404() {
		computers();
		String url = "/api/people/" + this.grace.getId() + "/computers?filter%5Bsingle%5D=1";

		ApiResponse one = this.api.get(url + "&" + objects("[{'name': 'price', 'op': '<', 'val': 600}]"));
		ApiResponse several = this.api.get(url);

		assertThat(one.status()).as(one.text()).isEqualTo(200);
		assertThat(one.at("/data").isObject()).isTrue();
		assertThat(one.at("/data/id").asString()).isEqualTo(computerId("Mark I").toString());
		assertThat(one.at("/data/attributes/name").asString()).isEqualTo("Mark I");
		assertThat(several.status()).isEqualTo(404);
		assertThat(several.firstError().get("detail").asString()).contains("More than one 'computers'");
	}

	private Long computerId(String name) {
		return this.fixtures.read((em) -> em
			.createQuery("select c.id from Computer c where c.name = :name", Long.class)
			.setParameter("name", name)
			.getSingleResult());
	}

	// ---- preprocessors and custom operators

	@Test
	void aCollectionPreprocessorCanReadAndRestrictTheFilters() {
		computers();
		List<List<Filter>> seen = new ArrayList<>();
		TestProcessors.scopedPreprocessing = (context) -> {
			if (context.operation() == Operation.GET_COLLECTION) {
				seen.add(context.query().filters());
				List<Filter> restricted = new ArrayList<>(context.query().filters());
				restricted.add(new Filter.Comparison("vendor", "in", List.of("IBM", "Remington")));
				context.setQuery(context.query().withFilters(restricted));
			}
		};

		List<String> owned = computers(objects("[{'name': 'owner.name', 'op': '==', 'val': 'Grace'}]"));
		List<String> all = computers("");
		ApiResponse count = this.api.get("/api/computers?page%5Bsize%5D=1");

		assertThat(seen.get(0)).containsExactly(new Filter.Comparison("owner.name", "==", "Grace"));
		assertThat(seen.get(1)).isEmpty();
		assertThat(owned).containsExactly("UNIVAC", "Mark I");
		assertThat(all).containsExactly("UNIVAC", "Mark I");
		assertThat(count.at("/meta/total").asInt()).isEqualTo(2);
	}

	@Test
	void anInvalidFilterSetByAPreprocessorIsRefusedWithoutRevealingHiddenFields() {
		TestProcessors.globalPreprocessing = (context) -> {
			if (context.operation() == Operation.GET_COLLECTION && context.collection().equals("people")) {
				context.setQuery(context.query()
					.withFilters(List.of(new Filter.Comparison("password", "==", "hunter2"))));
			}
		};

		ApiResponse response = this.api.get("/api/people");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().get("detail").asString())
			.isEqualTo("'people' has no attribute or relationship named 'password'");
	}

	@Test
	void anApplicationOperatorAddsToTheLanguage() {
		computers();

		assertThat(computers(objects("[{'name': 'name', 'op': 'starts_with', 'val': 'Pi'}]")))
			.containsExactly("Pilot ACE");
		assertThat(computers(objects("[{'name': 'vendor', 'op': 'starts_with', 'val': '%'}]"))).isEmpty();
		assertThat(people("[{'name': 'name', 'op': 'longer_than', 'val': 4}]")).containsExactly("Grace");
		assertThat(people("[{'not': {'name': 'nickname', 'op': 'longer_than', 'val': 4}}]")).containsExactly("Alan");
	}

	@Test
	void anApplicationOperatorWinsOverTheBuiltInOneOfTheSameNameOnly() {
		assertThat(people("[{'name': 'age', 'op': 'equal_to', 'val': '85'}]")).containsExactly("Grace");
		assertThat(TestFilterOperators.equalToCalls).containsExactly(85);
		TestFilterOperators.equalToCalls.clear();

		assertThat(people("[{'name': 'age', 'op': 'eq', 'val': 85}]")).containsExactly("Grace");
		assertThat(TestFilterOperators.equalToCalls).isEmpty();
	}

	// ---- SQL

	@Test
	void aFilteredPageCostsOneStatementForTheRowsAndOneForTheCountUnlessItIsTheLast() {
		List<Computer> many = new ArrayList<>();
		for (int index = 0; index < 12; index++) {
			many.add(computer("Computer " + index, (index % 2 == 0) ? "IBM" : "DEC", Integer.toString(index), this.grace));
		}
		many.add(computer("Lonely", "IBM", "1", this.ada));
		this.fixtures.persist(many.toArray());
		String filter = objects("[{'name': 'owner.name', 'op': '==', 'val': 'Grace'}, "
				+ "{'name': 'owner', 'op': 'has', 'val': {'name': 'age', 'op': '>', 'val': 80}}, "
				+ "{'or': [{'name': 'vendor', 'op': 'ilike', 'val': 'ibm'}, {'name': 'price', 'op': '>', 'val': 100}]}]");
		SqlStatementCounter.reset();

		ApiResponse first = this.api.get("/api/computers?page%5Bsize%5D=3&page%5Bnumber%5D=1&sort=-price&" + filter);
		int firstStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		ApiResponse response = this.api.get("/api/computers?page%5Bsize%5D=3&page%5Bnumber%5D=2&sort=-price&" + filter);

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(values(first, "name")).containsExactly("Computer 10", "Computer 8", "Computer 6");
		assertThat(first.at("/meta/total").asInt()).isEqualTo(6);
		assertThat(firstStatements).as("rows and count").isEqualTo(2);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(values(response, "name")).containsExactly("Computer 4", "Computer 2", "Computer 0");
		assertThat(response.at("/meta/total").asInt()).isEqualTo(6);
		assertThat(SqlStatementCounter.count()).as("the last page needs no count: "
				+ SqlStatementCounter.statements()).isEqualTo(1);
		assertThat(SqlStatementCounter.statements()).noneMatch((sql) -> sql.contains("Grace") || sql.contains("ibm"));
	}

}
