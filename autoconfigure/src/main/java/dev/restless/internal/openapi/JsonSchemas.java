package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Small constructors of OpenAPI 3.1 schemas (JSON Schema 2020-12): OpenAPI 3.1 has no
 * {@code nullable}, so a value that may be {@code null} lists {@code "null"} among its types.
 */
final class JsonSchemas {

	/** Where components are referenced from. */
	static final String COMPONENTS = "#/components/schemas/";

	private JsonSchemas() {
	}

	/**
	 * A schema of one or more JSON types.
	 * @param types the types, such as {@code string} or {@code null}; none for any value
	 * @return the schema
	 */
	static Schema<Object> of(String... types) {
		Schema<Object> schema = new JsonSchema();
		if (types.length > 0) {
			schema.types(new LinkedHashSet<>(Arrays.asList(types)));
		}
		return schema;
	}

	static Schema<Object> string() {
		return of("string");
	}

	static Schema<Object> integer() {
		return of("integer");
	}

	/**
	 * An object with the given properties and no others.
	 * @param properties the properties, in order
	 * @param required the names that must be present
	 * @return the schema
	 */
	static Schema<Object> closedObject(Map<String, Schema> properties, List<String> required) {
		Schema<Object> schema = of("object");
		schema.setProperties(new LinkedHashMap<>(properties));
		if (!required.isEmpty()) {
			schema.setRequired(new ArrayList<>(required));
		}
		schema.setAdditionalProperties(Boolean.FALSE);
		return schema;
	}

	/**
	 * An object that may have any members besides the given ones.
	 * @param properties the properties, in order
	 * @return the schema
	 */
	static Schema<Object> openObject(Map<String, Schema> properties) {
		Schema<Object> schema = of("object");
		if (!properties.isEmpty()) {
			schema.setProperties(new LinkedHashMap<>(properties));
		}
		return schema;
	}

	static Schema<Object> arrayOf(Schema<?> items) {
		Schema<Object> schema = of("array");
		schema.setItems(items);
		return schema;
	}

	/**
	 * A reference to a component schema.
	 * @param name the component name
	 * @return the reference
	 */
	static Schema<Object> ref(String name) {
		Schema<Object> schema = new JsonSchema();
		schema.set$ref(COMPONENTS + name);
		return schema;
	}

	/**
	 * A string that is exactly the given text.
	 * @param value the text
	 * @return the schema
	 */
	static Schema<Object> constant(String value) {
		Schema<Object> schema = string();
		schema.setConst(value);
		return schema;
	}

	/**
	 * A string that is one of the given texts ({@code const} when there is one).
	 * @param values the texts
	 * @return the schema
	 */
	static Schema<Object> oneOfTexts(Set<String> values) {
		if (values.size() == 1) {
			return constant(values.iterator().next());
		}
		Schema<Object> schema = string();
		schema.setEnum(new ArrayList<>(values));
		return schema;
	}

	/**
	 * Exactly one of the given schemas ({@code schemas} itself when there is one).
	 * @param schemas the alternatives
	 * @return the schema
	 */
	static Schema<Object> oneOf(List<Schema<Object>> schemas) {
		if (schemas.size() == 1) {
			return schemas.get(0);
		}
		Schema<Object> schema = new JsonSchema();
		schema.setOneOf(new ArrayList<>(schemas));
		return schema;
	}

	/**
	 * A schema, or {@code null}.
	 * @param schema the schema of the non-null values
	 * @return the schema
	 */
	static Schema<Object> orNull(Schema<Object> schema) {
		// Numeric bounds stay on a schema of one type: some validators read them only there.
		boolean bounded = schema.getMinimum() != null || schema.getMaximum() != null
				|| schema.getExclusiveMinimumValue() != null || schema.getExclusiveMaximumValue() != null;
		if (schema.get$ref() == null && schema.getTypes() != null && schema.getOneOf() == null && !bounded) {
			schema.addType("null");
			if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
				schema.getEnum().add(null);
			}
			return schema;
		}
		return oneOf(List.of(schema, of("null")));
	}

	/**
	 * Give a schema a description.
	 * @param schema the schema
	 * @param description the description
	 * @return the schema
	 */
	static Schema<Object> described(Schema<Object> schema, String description) {
		schema.setDescription(description);
		return schema;
	}

}
