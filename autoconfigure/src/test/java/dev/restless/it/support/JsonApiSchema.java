package dev.restless.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official JSON:API response schema, read from the shared reference folder beside the
 * project ({@code restless.test.shared-folder}). Where that folder is absent, validation is
 * skipped: the schema is a reference, not part of the project.
 */
public final class JsonApiSchema {

	private static final Schema SCHEMA = load();

	private JsonApiSchema() {
	}

	/** @return whether the schema is available */
	public static boolean available() {
		return SCHEMA != null;
	}

	/** @return where the schema is looked for */
	public static Path location() {
		return Path.of(System.getProperty("restless.test.shared-folder", "../../shared"), "jsonapi-schema", "1.0",
				"schema.json");
	}

	private static Schema load() {
		Path location = location();
		if (!Files.isRegularFile(location)) {
			return null;
		}
		try (InputStream input = Files.newInputStream(location)) {
			return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(input);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The schema is JSON:API 1.0's; 1.1 added members it refuses: the {@code type} links of error
	 * objects (which the cursor pagination profile requires) and {@code ext}/{@code profile} in the
	 * {@code jsonapi} object. Exactly those are removed before validating; everything else is
	 * checked as it is.
	 */
	static JsonNode withoutVersion11Members(JsonNode document) {
		JsonNode copy = document.deepCopy();
		if (copy.get("jsonapi") instanceof ObjectNode jsonapi) {
			jsonapi.remove("ext");
			jsonapi.remove("profile");
		}
		if (copy.get("errors") instanceof ArrayNode errors) {
			for (JsonNode error : errors) {
				if (error.get("links") instanceof ObjectNode links) {
					links.remove("type");
					if (links.isEmpty()) {
						((ObjectNode) error).remove("links");
					}
				}
			}
		}
		return copy;
	}

	/**
	 * Validate a response document (responses without a body are not documents).
	 * @param response the response
	 */
	public static void validate(ApiResponse response) {
		if (SCHEMA == null || response.body() == null) {
			return;
		}
		List<Error> errors = SCHEMA.validate(withoutVersion11Members(response.body()));
		assertThat(errors).as("JSON:API schema errors of %s", response).isEmpty();
	}

}
