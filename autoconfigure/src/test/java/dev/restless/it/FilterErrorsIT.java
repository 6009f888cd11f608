package dev.restless.it;

import java.util.Collections;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Measurement;
import dev.restless.it.app.Person;
import dev.restless.it.app.Status;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.Queries.encode;
import static dev.restless.it.support.Queries.objects;
import static dev.restless.it.support.Queries.values;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a filter can be wrong, and hostile ones: each is a {@code 400} naming the parameter
 * with a detail that says what is wrong, never a {@code 500}, never a hint of hidden fields, and
 * the database is left as it was.
 */
class FilterErrorsIT extends ApiIntegrationTest {

	@BeforeEach
	void data() {
		Person ada = new Person();
		ada.setName("Ada");
		ada.setAge(36);
		ada.setStatus(Status.RETIRED);
		ada.setPassword("hunter2");
		ada.setSecret("the secret");
		Computer engine = new Computer();
		engine.setName("Analytical Engine");
		engine.setOwner(ada);
		Measurement measurement = new Measurement();
		measurement.setLabel("first");
		measurement.setPin("4242");
		this.fixtures.persist(ada, engine, measurement);
	}

	private String bad(String collection, String query, String parameter) {
		ApiResponse response = this.api.get("/api/" + collection + "?" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.firstError().get("status").asString()).isEqualTo("400");
		assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo(parameter);
		assertThat(response.text()).doesNotContain("hunter2").doesNotContain("the secret").doesNotContain("4242");
		return response.firstError().get("detail").asString();
	}

	private String badObjects(String collection, String singleQuotedJson) {
		return bad(collection, objects(singleQuotedJson), "filter[objects]");
	}

	private String badObjectsJson(String collection, String json) {
		return bad(collection, "filter%5Bobjects%5D=" + encode(json), "filter[objects]");
	}

	private void nothingChanged() {
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Measurement.class)).isEqualTo(1);
		String password = this.fixtures
			.read((em) -> em.createQuery("select p.password from Person p", String.class).getSingleResult());
		assertThat(password).isEqualTo("hunter2");
	}

	@Test
	void filterObjectsThatAreNotAJsonArrayOfObjectsAre400() {
		assertThat(badObjectsJson("people", "[{")).startsWith("filter[objects] is not valid JSON");
		assertThat(badObjectsJson("people", "[] []")).startsWith("filter[objects] is not valid JSON");
		assertThat(bad("people", "filter%5Bobjects%5D=", "filter[objects]"))
			.isEqualTo("filter[objects] is empty; give a JSON array");
		assertThat(badObjects("people", "{'name': 'age', 'op': '==', 'val': 1}"))
			.isEqualTo("filter[objects] must be a JSON array of filter objects, not an object");
		assertThat(badObjects("people", "'age'")).endsWith("not a string");
		assertThat(badObjectsJson("people", "null")).endsWith("not null");
		assertThat(badObjectsJson("people", "true")).endsWith("not a boolean");
		assertThat(badObjects("people", "[1]")).isEqualTo("A filter must be a JSON object, not a number (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'is_null'}, ['age']]"))
			.isEqualTo("A filter must be a JSON object, not an array (in the filter at /1)");
		assertThat(badObjects("people", "[{'name': 'age', 'name': 'name', 'op': 'is_null'}]"))
			.startsWith("filter[objects] is not valid JSON");
	}

	@Test
	void unknownHiddenExcludedAndWriteOnlyFieldsGetTheSameAnswer() {
		String unknown = badObjects("people", "[{'name': 'nope', 'op': '==', 'val': 'x'}]");
		String excluded = badObjects("people", "[{'name': 'password', 'op': '==', 'val': 'hunter2'}]");
		String ignored = badObjects("people", "[{'name': 'secret', 'op': 'like', 'val': 'the%'}]");
		String writeOnly = badObjects("measurements", "[{'name': 'pin', 'op': '==', 'val': '4242'}]");
		String dotted = badObjects("computers", "[{'name': 'owner.password', 'op': 'is_null'}]");

		assertThat(unknown).isEqualTo("'people' has no attribute or relationship named 'nope' (in the filter at /0)");
		assertThat(excluded).isEqualTo(unknown.replace("nope", "password"));
		assertThat(ignored).isEqualTo(unknown.replace("nope", "secret"));
		assertThat(writeOnly).isEqualTo(unknown.replace("people", "measurements").replace("nope", "pin"));
		assertThat(dotted).isEqualTo(unknown.replace("nope", "password"));
		assertThat(bad("people", "filter%5Bpassword%5D=hunter2", "filter[password]"))
			.isEqualTo(bad("people", "filter%5Bnope%5D=hunter2", "filter[nope]").replace("nope", "password"));
		assertThat(bad("measurements", "filter%5Bpin%5D=4242", "filter[pin]"))
			.isEqualTo("'measurements' has no attribute or relationship named 'pin'");
	}

	@Test
	void hiddenAndWriteOnlyFieldsCannotBeSortedOnEither() {
		String unknown = bad("people", "sort=nope", "sort");

		assertThat(bad("people", "sort=password", "sort")).isEqualTo(unknown.replace("nope", "password"));
		assertThat(bad("people", "sort=-secret", "sort")).isEqualTo(unknown.replace("nope", "secret"));
		assertThat(bad("measurements", "sort=pin", "sort"))
			.isEqualTo(unknown.replace("people", "measurements").replace("nope", "pin"));
		assertThat(bad("computers", "sort=owner.password", "sort"))
			.isEqualTo(unknown.replace("people", "computers").replace("nope", "owner.password"));
	}

	@Test
	void missingNamesOperatorsAndArgumentsAre400() {
		assertThat(badObjects("people", "[{'op': '==', 'val': 1}]"))
			.isEqualTo("The filter has no field name in 'name' (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': null, 'op': '==', 'val': 1}]"))
			.startsWith("The filter has no field name in 'name'");
		assertThat(badObjects("people", "[{'name': 'age', 'val': 1}]"))
			.isEqualTo("The filter on 'age' has no operator in 'op' (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '~', 'val': 1}]")).startsWith("Unknown operator '~'; use one of [")
			.contains("is_null", "not_in", "ilike", "has", "any");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '>'}]"))
			.isEqualTo("The filter on 'age' with '>' needs an argument in 'val' (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'in'}]"))
			.isEqualTo("The filter on 'age' with 'in' needs an array of values in 'val' (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '=='}]")).contains("needs an argument in 'val'");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'value': 1}]"))
			.startsWith("Unknown member 'value' in a filter");
	}

	@Test
	void nullIsOnlyTestedWithIsNull() {
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': null}]"))
			.isEqualTo("'==' cannot compare 'age' with null: use 'is_null' or 'is_not_null' (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'ne', 'val': null}]"))
			.startsWith("'ne' cannot compare 'name' with null: use 'is_null' or 'is_not_null'");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'in', 'val': ['Ada', null]}]"))
			.startsWith("The values of 'in' on 'name' cannot contain null: use 'is_null' or 'is_not_null'");
	}

	@Test
	void valuesOfTheWrongTypeAre400() {
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': 'abc'}]"))
			.isEqualTo("The value for 'age' must be an integer, not \"abc\" (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': 3.5}]"))
			.startsWith("The value for 'age' must be an integer, not 3.5");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': true}]"))
			.startsWith("The value for 'age' must be an integer, not true");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': {'gt': 1}}]"))
			.startsWith("The value for 'age' must be an integer, not an object");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': [1, 2]}]"))
			.startsWith("The value for 'age' must be an integer, not an array");
		assertThat(badObjects("people", "[{'name': 'name', 'op': '==', 'val': 42}]"))
			.startsWith("The value for 'name' must be a string, not 42");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'like', 'val': false}]"))
			.startsWith("The value for 'name' must be a string, not false");
		assertThat(badObjects("people", "[{'name': 'status', 'op': '==', 'val': 'SLEEPING'}]"))
			.startsWith("The value for 'status' must be one of [ACTIVE, RETIRED], not \"SLEEPING\"");
		assertThat(badObjects("people", "[{'name': 'birthDate', 'op': '<', 'val': '31/12/2000'}]"))
			.startsWith("The value for 'birthDate' must be an ISO-8601 date such as 2024-01-31");
		assertThat(badObjects("people", "[{'name': 'createdAt', 'op': '<', 'val': '2024-01-01'}]"))
			.startsWith("The value for 'createdAt' must be an ISO-8601 date-time with offset");
		assertThat(badObjects("measurements", "[{'name': 'takenAt', 'op': '<', 'val': '2024-01-01T25:00:00'}]"))
			.startsWith("The value for 'takenAt' must be an ISO-8601 date-time such as");
		assertThat(badObjects("measurements", "[{'name': 'recordedAt', 'op': '<', 'val': 1700000000}]"))
			.startsWith("The value for 'recordedAt' must be an ISO-8601 date-time with offset");
		assertThat(badObjects("measurements", "[{'name': 'approved', 'op': '==', 'val': 'yes'}]"))
			.startsWith("The value for 'approved' must be true or false");
		assertThat(badObjects("measurements", "[{'name': 'batch', 'op': '==', 'val': '1-2-3-4-5'}]"))
			.startsWith("The value for 'batch' must be a UUID");
		assertThat(badObjects("tags", "[{'name': 'id', 'op': 'in', 'val': ['not-a-uuid']}]"))
			.startsWith("The value for 'id' must be a UUID");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'in', 'val': 'Ada'}]"))
			.startsWith("The filter on 'name' with 'in' needs an array of values in 'val', not \"Ada\"");
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'in', 'val': [1, 'two']}]"))
			.startsWith("The value for 'age' must be an integer, not \"two\"");
	}

	@Test
	void operatorsThatDoNotApplyToAFieldAre400() {
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'like', 'val': '4%'}]"))
			.isEqualTo("Operator 'like' cannot be applied to 'age', which holds an integer (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'status', 'op': '<', 'val': 'RETIRED'}]"))
			.startsWith("Operator '<' cannot be applied to 'status', which holds one of [ACTIVE, RETIRED]");
		assertThat(badObjects("measurements", "[{'name': 'approved', 'op': 'gt', 'val': false}]"))
			.startsWith("Operator 'gt' cannot be applied to 'approved', which holds true or false");
		assertThat(badObjects("people", "[{'name': 'address', 'op': 'is_null'}]"))
			.startsWith("'address' of 'people' is not a single value and cannot be filtered on");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'starts_with', 'val': 1}]"))
			.startsWith("The value for 'name' must be a string, not 1");
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'starts_with', 'val': '1'}]"))
			.startsWith("Operator 'starts_with' cannot be applied to 'age'");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'longer_than', 'val': 'three'}]"))
			.isEqualTo("'longer_than' needs a length: a whole number from 0");
	}

	@Test
	void relationshipsAreFilteredWithHasAndAnyOnly() {
		assertThat(badObjects("people", "[{'name': 'age', 'op': 'has', 'val': {'name': 'age', 'op': 'is_null'}}]"))
			.isEqualTo("'age' of 'people' is not a relationship: 'has' filters on related resources (in the filter at /0)");
		assertThat(badObjects("people", "[{'name': 'computers', 'op': 'has', 'val': {'name': 'id', 'op': 'is_null'}}]"))
			.startsWith("'computers' of 'people' is a to-many relationship: use 'any' instead of 'has'");
		assertThat(badObjects("computers", "[{'name': 'owner', 'op': 'any', 'val': {'name': 'id', 'op': 'is_null'}}]"))
			.startsWith("'owner' of 'computers' is a to-one relationship: use 'has' instead of 'any'");
		assertThat(badObjects("people", "[{'name': 'computers', 'op': '==', 'val': 1}]"))
			.startsWith("'computers' of 'people' is a to-many relationship: filter on its resources with the 'any' operator");
		assertThat(badObjects("people", "[{'name': 'computers.name', 'op': '==', 'val': 'x'}]"))
			.startsWith("'computers' of 'people' is a to-many relationship");
		assertThat(badObjects("people", "[{'name': 'name.length', 'op': '==', 'val': 1}]"))
			.startsWith("'name' of 'people' is an attribute, not a relationship");
		assertThat(badObjects("computers", "[{'name': 'owner', 'op': 'has'}]"))
			.isEqualTo("'has' on 'owner' needs a filter object in 'val' (in the filter at /0)");
		assertThat(badObjects("computers", "[{'name': 'owner', 'op': 'has', 'val': 1}]"))
			.isEqualTo("A filter must be a JSON object, not a number (in the filter at /0/val)");
		assertThat(badObjects("computers", "[{'name': 'owner', 'op': 'has', 'val': {'name': 'password', 'op': 'is_null'}}]"))
			.isEqualTo("'people' has no attribute or relationship named 'password' (in the filter at /0/val)");
		assertThat(badObjects("measurements",
				"[{'name': 'device.owner', 'op': 'has', 'val': {'name': 'age', 'op': 'is_null'}}]"))
			.startsWith("'has' takes a relationship of 'measurements', not the dotted name 'device.owner'");
		assertThat(bad("people", "filter%5Bcomputers%5D=1", "filter[computers]"))
			.startsWith("'computers' of 'people' is a to-many relationship");
	}

	@Test
	void fieldComparisonsMustBeSound() {
		assertThat(badObjects("people", "[{'name': 'age', 'op': '==', 'val': 1, 'field': 'score'}]"))
			.startsWith("The filter on 'age' gives both 'val' and 'field'");
		assertThat(badObjects("people", "[{'name': 'name', 'op': 'like', 'field': 'nickname'}]"))
			.startsWith("Operator 'like' cannot compare two fields");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '<', 'field': 'name'}]"))
			.startsWith("'age' and 'name' hold different kinds of values and cannot be compared");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '<', 'field': 'password'}]"))
			.startsWith("'people' has no attribute or relationship named 'password'");
		assertThat(badObjects("people", "[{'name': 'age', 'op': '<', 'field': 3}]"))
			.startsWith("'field' must be a string, not a number");
	}

	@Test
	void booleanFiltersMustBeWellFormed() {
		assertThat(badObjects("people", "[{'and': {'name': 'age', 'op': 'is_null'}}]"))
			.isEqualTo("'and' takes a JSON array of filters, not an object (in the filter at /0)");
		assertThat(badObjects("people", "[{'or': [], 'name': 'age'}]"))
			.startsWith("A filter with 'or' cannot have other members");
		assertThat(badObjects("people", "[{'not': [{'name': 'age', 'op': 'is_null'}]}]"))
			.isEqualTo("A filter must be a JSON object, not an array (in the filter at /0/not)");
		assertThat(badObjects("people", "[{'or': [{'name': 'age', 'op': 'is_null'}, {'name': 'x', 'op': 'is_null'}]}]"))
			.isEqualTo("'people' has no attribute or relationship named 'x' (in the filter at /0/or/1)");
		assertThat(badObjects("people", "[{'name': 1, 'op': 'is_null'}]")).startsWith("'name' must be a string, not a number");
		assertThat(badObjects("people", "[{'name': 'age', 'op': ['==']}]")).startsWith("'op' must be a string, not an array");
	}

	@Test
	void simpleFormsReportTheirOwnParameter() {
		assertThat(bad("people", "filter%5Bnope%5D=1", "filter[nope]"))
			.isEqualTo("'people' has no attribute or relationship named 'nope'");
		assertThat(bad("people", "filter%5Bage%5D=abc", "filter[age]"))
			.isEqualTo("The value for 'age' must be an integer, not \"abc\"");
		assertThat(bad("people", "filter%5Bage%5D=", "filter[age]"))
			.isEqualTo("The value for 'age' must be an integer, not \"\"");
		assertThat(bad("people", "filter%5Bage%5D=1,,2", "filter[age]")).startsWith("The value for 'age' must be an integer");
		assertThat(bad("computers", "filter%5Bowner%5D=ada", "filter[owner]"))
			.isEqualTo("The value for 'owner' must be an integer, not \"ada\"");
		assertThat(bad("people", "filter%5B%5D=1", "filter[]")).startsWith("filter[] names no field");
		assertThat(bad("people", "filter%5Bsingle%5D=2", "filter[single]"))
			.isEqualTo("filter[single] must be 1 (exactly one resource) or 0, not '2'");
		assertThat(bad("people", "filter%5Bsingle%5D=true", "filter[single]")).startsWith("filter[single] must be 1");
		assertThat(bad("people", "filter%5Bsingle%5D=", "filter[single]")).startsWith("filter[single] must be 1");
	}

	@Test
	void filtersNestedBeyondTheMaximumDepthAre400() {
		String leaf = "{'name': 'age', 'op': 'is_not_null'}";
		String nine = leaf;
		for (int level = 0; level < 9; level++) {
			nine = "{'not': " + nine + "}";
		}
		ApiResponse atTheLimit = this.api.get("/api/people?" + objects("[" + nine + "]"));
		assertThat(atTheLimit.status()).as(atTheLimit.text()).isEqualTo(200);
		assertThat(values(atTheLimit, "name")).isEmpty();

		assertThat(badObjects("people", "[{'not': " + nine + "}]"))
			.startsWith("Filters are nested deeper than 10 levels, the maximum filter depth (in the filter at /0/not/not");
		String related = leaf;
		for (int level = 0; level < 10; level++) {
			related = "{'name': 'owner', 'op': 'has', 'val': {'name': 'computers', 'op': 'any', 'val': " + related + "}}";
		}
		assertThat(badObjects("computers", "[" + related + "]")).startsWith("Filters are nested deeper than 10 levels");
		assertThat(badObjectsJson("people", "[".repeat(300) + "]".repeat(300)))
			.isEqualTo("filter[objects] is nested or sized beyond what is accepted");
	}

	@Test
	void filtersWithMoreNodesThanTheMaximumAre400() {
		String values499 = String.join(",", Collections.nCopies(499, "7"));
		ApiResponse atTheLimit = this.api.get("/api/people?" + objects("[{'name': 'age', 'op': 'in', 'val': [" + values499 + "]}]"));
		assertThat(atTheLimit.status()).as(atTheLimit.text()).isEqualTo(200);

		assertThat(badObjects("people", "[{'name': 'age', 'op': 'in', 'val': [" + values499 + ",8]}]"))
			.startsWith("The filters hold more than 500 filter objects and values, the maximum");
		assertThat(bad("people", "filter%5Bage%5D=" + String.join(",", Collections.nCopies(500, "1")), "filter[age]"))
			.startsWith("The filters hold more than 500 filter objects and values");
		String values300 = String.join(",", Collections.nCopies(300, "7"));
		assertThat(bad("people", objects("[{'name': 'age', 'op': 'in', 'val': [" + values300 + "]}]")
				+ "&filter%5Bage%5D=" + String.join(",", Collections.nCopies(250, "1")), "filter[age]"))
			.startsWith("The filters hold more than 500");
	}

	@Test
	void hostileNamesOperatorsAndValuesAreRefusedOrMatchedLiterally() {
		assertThat(badObjectsJson("people", "[{\"name\": \"name; DROP TABLE person; --\", \"op\": \"==\", \"val\": 1}]"))
			.startsWith("'people' has no attribute or relationship named 'name; DROP TABLE person; --'");
		assertThat(badObjectsJson("people", "[{\"name\": \"name\", \"op\": \"= 'x' OR 1=1 --\", \"val\": 1}]"))
			.startsWith("Unknown operator '= 'x' OR 1=1 --'");
		assertThat(badObjectsJson("people", "[{\"name\": \"1) OR (1=1\", \"op\": \"is_null\"}]"))
			.startsWith("'people' has no attribute or relationship named '1) OR (1=1'");
		assertThat(badObjectsJson("people", "[{\"name\": \"nämé\", \"op\": \"is_null\"}]"))
			.startsWith("'people' has no attribute or relationship named 'nämé'");
		assertThat(badObjectsJson("people", "[{\"name\": \"age\", \"op\": \"==\", \"val\": 1e999999999}]"))
			.startsWith("The value for 'age' must be an integer");
		assertThat(badObjectsJson("computers", "[{\"name\": \"price\", \"op\": \">\", \"val\": 1e999999999}]"))
			.startsWith("The value for 'price' must be a number");
		assertThat(badObjectsJson("people", "[{\"name\": \"id\", \"op\": \"==\", \"val\": 123456789012345678901234567890}]"))
			.startsWith("The value for 'id' must be an integer");
		assertThat(badObjectsJson("people", "[{\"name\": \"name\", \"op\": \"==\", \"val\": \"a\\u0000b\"}]"))
			.isEqualTo("filter[objects] contains the NUL character, which text values cannot hold");
		assertThat(bad("people", "filter%5Bname%5D=a%00b", "filter[name]"))
			.isEqualTo("The value for 'name' contains the NUL character, which text values cannot hold");
		assertThat(bad("people", "filter%5Bname%5D=x&filter%5Bname%5D=y", "filter[name]"))
			.contains("given more than once");

		// Ends with a character: a pattern ending with the escape character is refused.
		String longValue = "é'\"%_\\".repeat(150) + "é";
		ApiResponse literal = this.api.get("/api/people?filter%5Bobjects%5D="
				+ encode("[{\"name\": \"name\", \"op\": \"ilike\", \"val\": \"" + longValue.replace("\\", "\\\\").replace("\"", "\\\"")
						+ "\"}, {\"name\": \"name\", \"op\": \"in\", \"val\": [\"Ada' --\", \"🚀\", \"漢字\"]}]"));
		assertThat(literal.status()).as(literal.text()).isEqualTo(200);
		assertThat(literal.at("/data").size()).isZero();
		nothingChanged();
	}

}
