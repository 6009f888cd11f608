package dev.restless.it.support;

import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves that the schema check every integration test relies on really runs where the shared
 * schema folder exists, rather than passing because nothing was validated.
 */
class JsonApiSchemaTest {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static ApiResponse response(String json) {
		return new ApiResponse(200, HttpHeaders.of(Map.of(), (name, value) -> true), json, mapper.readTree(json));
	}

	@Test
	void theSchemaIsLoadedAndRejectsBrokenDocumentsWhereTheSharedFolderExists() {
		assumeTrue(Files.isDirectory(JsonApiSchema.location().getParent()),
				() -> "No JSON:API schema folder at " + JsonApiSchema.location().getParent());

		assertThat(JsonApiSchema.available()).as("schema at %s", JsonApiSchema.location()).isTrue();
		JsonApiSchema.validate(response("""
				{"jsonapi": {"version": "1.1"}, "data": {"type": "people", "id": "1", "attributes": {"name": "Ada"},
				 "relationships": {"computers": {"links": {"related": "http://localhost/api/people/1/computers"}}}}}"""));
		JsonApiSchema.validate(response("""
				{"data": null, "included": []}"""));

		for (String broken : new String[] { """
				{"data": {"type": "people", "id": 1}}""", """
				{"data": [], "errors": []}""", """
				{"jsonapi": {"version": "1.1"}}""", """
				{"errors": [{"status": 404}]}""", """
				{"data": {"type": "people", "id": "1", "relationships": {"computers": {}}}}""" }) {
			assertThatExceptionOfType(AssertionError.class).as(broken)
				.isThrownBy(() -> JsonApiSchema.validate(response(broken)))
				.withMessageContaining("JSON:API schema errors");
		}
	}

}
