package dev.restless.it;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.restless.Operation;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Measurement;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OpenApiResponses;
import dev.restless.it.support.SqlStatementCounter;
import dev.restless.query.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.Queries.encode;
import static dev.restless.it.support.Queries.objects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function evaluation endpoint: results in request order, computed after the filters in one
 * statement, every error, and the EVAL processors. Its answer ({@code data} holding plain values,
 * as Flask-Restless answered) is not a JSON:API resource document, so only its error documents are
 * checked against the JSON:API schema.
 */
class EvalIT extends ApiIntegrationTest {

	private JsonApiClient eval;

	@BeforeEach
	void measurements() {
		this.eval = new JsonApiClient(this.api.root()).checkingEach(EvalIT::isEvalDocument)
			.checkingEach(OpenApiResponses::validate);
		Computer engine = computer("Analytical Engine", "1000.00");
		Computer markOne = computer("Mark I", "500.00");
		this.fixtures.persist(engine, markOne);
		this.fixtures.persist(measurement("alpha", true, 1.5, 3, LocalDateTime.of(2024, 1, 1, 9, 30), engine),
				measurement("beta", false, 2.25, 7, LocalDateTime.of(2024, 1, 2, 18, 0), markOne),
				measurement("gamma", true, null, 5, LocalDateTime.of(2024, 1, 3, 8, 0), null));
		SqlStatementCounter.reset();
	}

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	private static void isEvalDocument(ApiResponse response) {
		assertThat(response.header("Content-Type")).as("Content-Type of %s", response)
			.startsWith(JsonApiClient.JSON_API);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
		if (response.status() >= 400) {
			JsonApiSchema.validate(response);
		}
		else {
			assertThat(response.at("/jsonapi/version").asString()).isEqualTo("1.1");
			assertThat(response.at("/data").isArray()).as(response.text()).isTrue();
		}
	}

	private static Computer computer(String name, String price) {
		Computer computer = new Computer();
		computer.setName(name);
		computer.setPrice(new BigDecimal(price));
		return computer;
	}

	private static Measurement measurement(String label, boolean approved, Double reading, Integer grade,
			LocalDateTime takenAt, Computer device) {
		Measurement measurement = new Measurement();
		measurement.setLabel(label);
		measurement.setApproved(approved);
		measurement.setReading(reading);
		measurement.setGrade(grade);
		measurement.setTakenAt(takenAt);
		measurement.setDevice(device);
		measurement.setPin("0000");
		return measurement;
	}

	private ApiResponse evaluate(String functions) {
		return evaluate(functions, "");
	}

	private ApiResponse evaluate(String functions, String otherParameters) {
		return this.eval.get("/api/eval/measurements?functions=" + encode(JsonApiClient.json(functions))
				+ (otherParameters.isEmpty() ? "" : "&" + otherParameters));
	}

	private static void isBadFunctions(ApiResponse response, String detail) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("functions");
		assertThat(response.firstError().get("detail").asString()).contains(detail);
	}

	@Test
	void functionsAreComputedInRequestOrderInOneStatement() {
		ApiResponse response = evaluate("""
				[{'name': 'count'}, {'name': 'sum', 'field': 'grade'}, {'name': 'avg', 'field': 'grade'},
				 {'name': 'min', 'field': 'grade'}, {'name': 'max', 'field': 'grade'}, {'name': 'count', 'field': 'reading'},
				 {'name': 'min', 'field': 'label'}, {'name': 'max', 'field': 'takenAt'}, {'name': 'avg', 'field': 'reading'}]""");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode data = response.at("/data");
		assertThat(data.size()).isEqualTo(9);
		assertThat(data.get(0).asLong()).isEqualTo(3);
		assertThat(data.get(1).asLong()).isEqualTo(15);
		assertThat(data.get(2).asDouble()).isEqualTo(5.0);
		assertThat(data.get(3).asInt()).isEqualTo(3);
		assertThat(data.get(4).asInt()).isEqualTo(7);
		assertThat(data.get(5).asLong()).isEqualTo(2);
		assertThat(data.get(6).asString()).isEqualTo("alpha");
		assertThat(data.get(7).asString()).isEqualTo("2024-01-03T08:00:00");
		assertThat(data.get(8).asDouble()).isEqualTo(1.875);
		assertThat(SqlStatementCounter.count()).as(SqlStatementCounter.statements().toString()).isEqualTo(1);
	}

	@Test
	void functionsAreComputedOverTheFilteredRowsInOneStatement() {
		ApiResponse approved = evaluate(
				"[{'name': 'count'}, {'name': 'sum', 'field': 'grade'}, {'name': 'avg', 'field': 'reading'}]",
				objects("[{'name': 'approved', 'op': '==', 'val': true}]"));

		assertThat(approved.status()).as(approved.text()).isEqualTo(200);
		assertThat(approved.at("/data/0").asLong()).isEqualTo(2);
		assertThat(approved.at("/data/1").asLong()).isEqualTo(8);
		assertThat(approved.at("/data/2").asDouble()).isEqualTo(1.5);
		assertThat(SqlStatementCounter.count()).isEqualTo(1);

		SqlStatementCounter.reset();
		ApiResponse related = evaluate("[{'name': 'sum', 'field': 'device.price'}, {'name': 'count', 'field': 'device'}]",
				"filter%5Bgrade%5D=3,7&" + objects(
						"[{'name': 'device', 'op': 'has', 'val': {'name': 'name', 'op': 'like', 'val': '%Engine'}}]"));

		assertThat(related.status()).as(related.text()).isEqualTo(200);
		assertThat(related.at("/data/0").decimalValue()).isEqualByComparingTo("1000");
		assertThat(related.at("/data/1").asLong()).isEqualTo(1);
		assertThat(SqlStatementCounter.count()).isEqualTo(1);
	}

	@Test
	void functionsOverNoRowsAreZeroForCountsAndNullOtherwise() {
		ApiResponse response = evaluate("[{'name': 'count'}, {'name': 'sum', 'field': 'grade'}, "
				+ "{'name': 'avg', 'field': 'reading'}, {'name': 'max', 'field': 'label'}]",
				objects("[{'name': 'grade', 'op': '>', 'val': 100}]"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/0").asLong()).isZero();
		assertThat(response.at("/data/1").isNull()).isTrue();
		assertThat(response.at("/data/2").isNull()).isTrue();
		assertThat(response.at("/data/3").isNull()).isTrue();
	}

	@Test
	void anEmptyListOfFunctionsAnswersEmptyDataWithoutQuerying() {
		ApiResponse response = evaluate("[]");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data").size()).isZero();
		assertThat(response.at("/jsonapi/version").asString()).isEqualTo("1.1");
		assertThat(SqlStatementCounter.count()).isZero();
	}

	@Test
	void aMissingOrMalformedFunctionsParameterIs400() {
		ApiResponse missing = this.eval.get("/api/eval/measurements");
		isBadFunctions(missing, "needs a functions parameter");
		isBadFunctions(this.eval.get("/api/eval/measurements?functions=" + encode("[{\"name\": \"count\"")),
				"functions is not valid JSON");
		isBadFunctions(this.eval.get("/api/eval/measurements?functions="), "functions is empty");
		isBadFunctions(evaluate("{'name': 'count'}"), "must be a JSON array of function objects, not an object");
		isBadFunctions(evaluate("['count']"), "A function must be a JSON object");
		isBadFunctions(evaluate("[{'name': 'count', 'name': 'sum'}]"), "not valid JSON");
		isBadFunctions(evaluate("[{'name': 'count', 'where': 'x'}]"), "Unknown member 'where'");
		isBadFunctions(evaluate("[{'field': 'grade'}]"), "has no 'name'");
		isBadFunctions(evaluate("[{'name': 7}]"), "'name' must be a string, not a number");
		isBadFunctions(this.eval.get("/api/eval/measurements?functions=%5B%5D&functions=%5B%5D"),
				"given more than once");
	}

	@Test
	void unknownFunctionsAndFieldsAre400AndHiddenFieldsLookUnknown() {
		isBadFunctions(evaluate("[{'name': 'count'}, {'name': 'median', 'field': 'grade'}]"),
				"Unknown function 'median'; use one of [count, sum, avg, min, max] (in the function at /1)");
		isBadFunctions(evaluate("[{'name': 'sum', 'field': 'weight'}]"),
				"'measurements' has no attribute or relationship named 'weight'");
		isBadFunctions(evaluate("[{'name': 'max', 'field': 'pin'}]"),
				"'measurements' has no attribute or relationship named 'pin'");
		isBadFunctions(evaluate("[{'name': 'sum', 'field': 'device.owner.password'}]"),
				"'people' has no attribute or relationship named 'password'");
		isBadFunctions(evaluate("[{'name': 'avg'}]"), "'avg' needs the field to compute it over in 'field'");
		isBadFunctions(evaluate("[{'name': 'sum', 'field': 'label'}]"), "'sum' needs a numeric field");
		isBadFunctions(evaluate("[{'name': 'min', 'field': 'approved'}]"), "'min' needs a number, text or date field");
		isBadFunctions(evaluate("[{'name': 'avg', 'field': 'device'}]"), "'avg' needs a numeric field");
		isBadFunctions(evaluate("[{'name': 'count', 'field': 12}]"), "'field' must be a string");
		ApiResponse response = evaluate("[{'name': 'max', 'field': 'pin'}]");
		assertThat(response.text()).doesNotContain("0000");
	}

	@Test
	void tooManyFunctionsAre400() {
		StringBuilder functions = new StringBuilder("[");
		for (int index = 0; index <= 100; index++) {
			functions.append((index > 0) ? "," : "").append("{}");
		}
		isBadFunctions(evaluate(functions.append("]").toString()), "at most 100 are computed at once");
	}

	@Test
	void invalidFiltersOnTheEvalEndpointAre400() {
		ApiResponse response = evaluate("[{'name': 'count'}]", objects("[{'name': 'pin', 'op': '==', 'val': '0000'}]"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("filter[objects]");
		assertThat(response.firstError().get("detail").asString())
			.startsWith("'measurements' has no attribute or relationship named 'pin'");
	}

	@Test
	void onlyResourcesThatAllowFunctionsAreServedAndOnlyWithGet() {
		ApiResponse people = this.eval.get("/api/eval/people?functions=" + encode("[{\"name\": \"count\"}]"));
		ApiResponse unknown = this.eval.get("/api/eval/unicorns?functions=" + encode("[{\"name\": \"count\"}]"));
		ApiResponse post = this.eval.exchange("POST", "/api/eval/measurements", "{}", "Content-Type",
				JsonApiClient.JSON_API);
		ApiResponse delete = this.eval.exchange("DELETE", "/api/eval/measurements", null);

		assertThat(people.status()).isEqualTo(404);
		assertThat(people.firstError().get("detail").asString()).contains("does not allow function evaluation");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).isEqualTo("GET");
		assertThat(delete.status()).isEqualTo(405);
		assertThat(this.fixtures.count(Measurement.class)).isEqualTo(3);
	}

	@Test
	void evalPreprocessorsCanChangeTheFiltersAndPostprocessorsTheDocument() {
		List<Operation> operations = new ArrayList<>();
		TestProcessors.globalPreprocessing = (context) -> {
			operations.add(context.operation());
			if (context.operation() == Operation.EVAL) {
				context.setQuery(context.query()
					.withFilters(List.of(new Filter.Comparison("label", "in", List.of("beta", "gamma")))));
			}
		};
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation() == Operation.EVAL) {
				context.document().putObject("meta").put("seen", context.collection());
			}
		};

		ApiResponse response = evaluate("[{'name': 'count'}, {'name': 'max', 'field': 'grade'}]");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(operations).containsExactly(Operation.EVAL);
		assertThat(response.at("/data/0").asLong()).isEqualTo(2);
		assertThat(response.at("/data/1").asInt()).isEqualTo(7);
		assertThat(response.at("/meta/seen").asString()).isEqualTo("measurements");
		assertThat(TestProcessors.calls).contains("global-pre-1", "global-pre-2", "global-post");
	}

}
