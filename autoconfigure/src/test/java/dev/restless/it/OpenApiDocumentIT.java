package dev.restless.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.OpenApiResponses;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The OpenAPI document of the test application: valid OpenAPI 3.1, one path item per resource and
 * endpoint kind with only the methods the resource serves, the parameters each accepts, and
 * schemas that say what documents hold, down to the Bean Validation constraints.
 */
class OpenApiDocumentIT extends ApiIntegrationTest {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private JsonNode document() {
		return OpenApiResponses.document(this.api.root());
	}

	private JsonNode schema(String name) {
		JsonNode schema = document().at("/components/schemas/" + name);
		assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
		return schema;
	}

	private JsonNode parameter(String path, String method, String name) {
		for (JsonNode parameter : document().get("paths").get(path).get(method).get("parameters")) {
			if (parameter.get("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("No parameter " + name + " of " + method + " " + path);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

	@Test
	void theDocumentPassesTheOpenApiValidatorWithoutErrors() throws IOException {
		String json = document().toString();
		Files.writeString(Path.of("target/openapi.json"), json);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setValidateInternalRefs(true);
		SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);

		assertThat(result.getMessages()).as("validation messages").isEmpty();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
	}

	@Test
	void eachResourceHasOnePathItemPerEndpointWithOnlyTheMethodsItServesAndNeverPut() {
		JsonNode paths = document().get("paths");

		assertThat(paths.get("/api/people").propertyNames()).containsExactlyInAnyOrder("get", "post");
		assertThat(paths.get("/api/people/{id}").propertyNames()).contains("get", "patch", "delete")
			.doesNotContain("put", "post");
		assertThat(paths.get("/api/badges").propertyNames()).containsExactlyInAnyOrder("get", "post");
		assertThat(paths.get("/api/badges/{id}").propertyNames()).containsExactlyInAnyOrder("get", "parameters");
		assertThat(paths.get("/api/country").propertyNames()).containsExactly("get");
		assertThat(paths.get("/api/people/{id}/computers").get("get").get("operationId").asString())
			.isEqualTo("getPeopleComputers");
		assertThat(paths.get("/api/people/{id}/computers/{relatedId}").propertyNames()).contains("get");
		assertThat(paths.get("/api/computers/{id}/owner/{relatedId}")).as("to-one has no member endpoint").isNull();
		assertThat(paths.get("/api/people/{id}/relationships/computers").propertyNames()).contains("get", "patch",
				"post");
		assertThat(paths.get("/api/people/{id}/relationships/computers").has("delete"))
			.as("people do not allow deleting from to-many relationships").isFalse();
		assertThat(paths.get("/api/borrowers/{id}/relationships/loans").has("delete")).isTrue();
		assertThat(paths.get("/api/eval/measurements").propertyNames()).containsExactly("get");
		assertThat(paths.get("/api/eval/people")).as("people do not allow functions").isNull();
		assertThat(paths.get("/api/operations").propertyNames()).containsExactly("post");
		assertThat(paths.get("/api/{collection}")).as("the generic controller is hidden").isNull();
		paths.forEach((item) -> assertThat(item.has("put")).isFalse());
		assertThat(document().get("tags").findValuesAsString("name")).contains("people", "computers", "operations");
	}

	@Test
	void collectionsListTheirFiltersSortFieldsIncludePathsFieldsetsAndPageLimits() {
		assertThat(parameter("/api/people", "get", "filter[objects]").get("description").asString())
			.contains("\"and\"", "has", "any", "ilike", "is_null", "starts_with");
		parameter("/api/people", "get", "filter[age]");
		parameter("/api/computers", "get", "filter[owner]");
		assertThat(texts(parameter("/api/people", "get", "filter[single]").at("/schema/enum"))).containsExactly("0",
				"1");
		assertThat(texts(parameter("/api/people", "get", "sort").at("/schema/items/enum"))).contains("id", "-id",
				"age", "-age", "address.city", "-address.city", "nickname")
			.doesNotContain("password", "secret", "-password");
		assertThat(texts(parameter("/api/computers", "get", "sort").at("/schema/items/enum"))).contains("owner.name",
				"-owner.name");
		assertThat(parameter("/api/people", "get", "sort").get("explode").asBoolean()).isFalse();
		assertThat(texts(parameter("/api/computers", "get", "include").at("/schema/items/enum"))).contains("owner",
				"owner.computers", "owner.computers.owner")
			.doesNotContain("owner.computers.owner.computers");
		assertThat(texts(parameter("/api/computers", "get", "fields[people]").at("/schema/items/enum")))
			.contains("name", "nickname", "computers")
			.doesNotContain("password");
		assertThat(parameter("/api/people", "get", "page[size]").at("/schema/maximum").asInt()).isEqualTo(60);
		assertThat(parameter("/api/people", "get", "page[number]").at("/schema/minimum").asInt()).isEqualTo(1);
		parameter("/api/people", "get", "page[after]");
		parameter("/api/people", "get", "page[before]");
		assertThat(parameter("/api/people", "get", "page[total]").get("description").asString())
			.contains("at least 10000").doesNotContain("same estimate");
		assertThat(parameter("/api/measurements", "get", "page[total]").get("description").asString())
			.contains("at least 50", "the same query is given the same estimate for 1h");
		assertThat(parameter("/api/counters/{id}", "patch", "If-Match").get("in").asString()).isEqualTo("header");
		assertThat(parameter("/api/counters/{id}", "get", "If-None-Match").get("in").asString()).isEqualTo("header");
		assertThat(document().at("/paths/~1api~1people/post/responses/201/headers/Location/required").asBoolean())
			.isTrue();
		assertThat(document().at("/paths/~1api~1counters~1{id}/get/responses/200/headers").has("ETag")).isTrue();
		assertThat(document().at("/paths/~1api~1counters~1{id}/get/responses").has("304")).isTrue();
		assertThat(document().at("/paths/~1api~1people/get/responses/200/content").propertyNames())
			.contains("application/vnd.api+json",
					"application/vnd.api+json; profile=\"https://jsonapi.org/profiles/ethanresnick/cursor-pagination\"");
		assertThat(document().at("/paths/~1api~1operations/post/requestBody/content").propertyNames())
			.containsExactly("application/vnd.api+json; ext=\"https://jsonapi.org/ext/atomic\"");
	}

	@Test
	void attributesCarryTheirJsonTypesFormatsAndBeanValidationConstraintsAndHiddenFieldsNeverAppear() {
		JsonNode attributes = schema("people.attributes").get("properties");

		assertThat(attributes.propertyNames()).contains("name", "age", "birthDate", "status", "email", "address",
				"nickname", "score", "signupCode", "createdAt")
			.doesNotContain("password", "secret", "alias", "id");
		assertThat(attributes.at("/name/type").asString()).as("never null").isEqualTo("string");
		assertThat(attributes.at("/name/minLength").asInt()).isEqualTo(1);
		assertThat(attributes.at("/age/oneOf/0/minimum").asInt()).isZero();
		assertThat(attributes.at("/age/oneOf/0/format").asString()).isEqualTo("int32");
		assertThat(attributes.at("/age/oneOf/1/type").asString()).isEqualTo("null");
		assertThat(attributes.at("/birthDate/format").asString()).isEqualTo("date");
		assertThat(attributes.at("/email/format").asString()).isEqualTo("email");
		assertThat(texts(attributes.at("/status/enum"))).contains("ACTIVE", "RETIRED");
		assertThat(attributes.at("/address/properties").has("city")).isTrue();
		assertThat(attributes.at("/score/readOnly").asBoolean()).isTrue();
		assertThat(attributes.at("/createdAt/readOnly").asBoolean()).isTrue();
		assertThat(attributes.at("/createdAt/format").asString()).isEqualTo("date-time");
		assertThat(schema("people.attributes").get("additionalProperties").asBoolean()).isFalse();
		assertThat(schema("people.resource").at("/properties/type/const").asString()).isEqualTo("people");
		assertThat(schema("people.resource").at("/properties/id/readOnly").asBoolean()).isTrue();
		assertThat(schema("counters.resource").at("/properties/meta/properties/version/readOnly").asBoolean()).isTrue();
		assertThat(schema("measurements.attributes").get("properties").has("pin")).as("write-only").isFalse();
		assertThat(schema("measurements.attributes").at("/properties/batch/format").asString()).isEqualTo("uuid");
		assertThat(texts(schema("measurements.attributes").at("/properties/batch/type"))).containsExactly("string",
				"null");
	}

	@Test
	void relationshipsAreLinkageNamingTheirTargetTypeAndSubtypes() {
		assertThat(schema("people.relationships").at("/properties/computers/properties/data/items/$ref").asString())
			.isEqualTo("#/components/schemas/computers.identifier");
		assertThat(schema("computers.relationships").at("/properties/owner/properties/data/oneOf/0/$ref").asString())
			.isEqualTo("#/components/schemas/people.identifier");
		assertThat(schema("computers.identifier").at("/properties/type/const").asString()).isEqualTo("computers");
		assertThat(texts(schema("employees.identifier").at("/properties/type/enum"))).contains("employees",
				"managers");
		assertThat(schema("people.included").at("/items/oneOf").findValuesAsString("$ref"))
			.contains("#/components/schemas/computers.resource", "#/components/schemas/people.resource");
	}

	@Test
	void requestDocumentsSayWhatMayBeSent() {
		JsonNode create = schema("people.create-attributes");
		assertThat(create.get("properties").propertyNames()).contains("name", "signupCode", "nickname")
			.doesNotContain("score", "createdAt", "password");
		assertThat(texts(create.get("required"))).containsExactly("name");
		JsonNode update = schema("people.update-attributes");
		assertThat(update.get("properties").propertyNames()).contains("name")
			.doesNotContain("signupCode", "score", "createdAt");
		assertThat(update.has("required")).isFalse();
		assertThat(schema("people.create-document").at("/properties/data/properties").has("id"))
			.as("ids are generated").isFalse();
		assertThat(schema("accounts.create-document").at("/properties/data/properties").has("id"))
			.as("client-generated ids").isTrue();
		assertThat(texts(schema("people.update-document").at("/properties/data/required"))).contains("type", "id");
		assertThat(schema("measurements.attributes").has("writeOnly")).isFalse();
		assertThat(document().at("/components/schemas").has("badges.update-document")).as("no PATCH").isFalse();
		assertThat(schema("jsonapi.atomic-request").at("/required/0").asString()).isEqualTo("atomic:operations");
		assertThat(schema("jsonapi.error-document").at("/required/0").asString()).isEqualTo("errors");
		assertThat(schema("jsonapi.eval-document").at("/properties/data/type").asString()).isEqualTo("array");
	}

	@Test
	void theResponseCheckOfEveryTestRejectsWhatTheDocumentDoesNotAllow() {
		String root = this.api.root();
		String person = """
				{"jsonapi": {"version": "1.1"}, "data": {"type": "people", "id": "1", "attributes": {"name": "Ada"}}}""";
		OpenApiResponses.validate(response(200, "GET", root + "/api/people/1", person));

		assertRejected(response(200, "GET", root + "/api/people/1",
				person.replace("\"name\": \"Ada\"", "\"name\": \"Ada\", \"password\": \"x\"")), "OpenAPI schema errors");
		assertRejected(response(200, "GET", root + "/api/people/1", person.replace("\"people\"", "\"computers\"")),
				"OpenAPI schema errors");
		assertRejected(response(418, "GET", root + "/api/people/1", person), "does not declare");
		assertRejected(response(200, "PUT", root + "/api/people/1", person), "client error");
		assertRejected(response(204, "DELETE", root + "/api/country/1", ""), "client error");
	}

	private static void assertRejected(dev.restless.it.support.ApiResponse response, String message) {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> OpenApiResponses.validate(response))
			.withMessageContaining(message);
	}

	private static dev.restless.it.support.ApiResponse response(int status, String method, String uri, String json) {
		HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/vnd.api+json")),
				(name, value) -> true);
		return new dev.restless.it.support.ApiResponse(status, headers, json,
				json.isEmpty() ? null : mapper.readTree(json), method, URI.create(uri));
	}

}
