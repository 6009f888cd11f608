package dev.restless.internal.query;

import dev.restless.query.InvalidQueryException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON carried by query parameters ({@code filter[objects]}, {@code functions}) with
 * strict, application-independent rules: duplicate keys and trailing text are errors, decimals
 * keep their exact value, and nesting is bounded before any tree is built.
 */
public final class QueryJson {

	/** JSON nesting accepted before the parser stops; filters are limited far below it. */
	private static final int MAX_NESTING = 200;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private QueryJson() {
	}

	/**
	 * Parse the value of a query parameter as JSON.
	 * @param parameter the parameter name, for messages
	 * @param text the value
	 * @return the JSON tree
	 * @throws InvalidQueryException when the text is not one JSON value
	 */
	public static JsonNode read(String parameter, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidQueryException(parameter + " is empty; give a JSON array");
		}
		JsonNode tree;
		try {
			tree = MAPPER.readTree(text);
		}
		catch (StreamConstraintsException ex) {
			throw new InvalidQueryException(parameter + " is nested or sized beyond what is accepted");
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getColumnNr() > 0)
					? " (at character " + ex.getLocation().getColumnNr() + ")" : "";
			throw new InvalidQueryException(parameter + " is not valid JSON" + where);
		}
		if (containsNul(tree)) {
			throw new InvalidQueryException(parameter + " contains the NUL character, which text values cannot hold");
		}
		return tree;
	}

	/**
	 * Whether a text holds the NUL character, which PostgreSQL refuses in text values (the
	 * statement would fail instead of matching nothing).
	 * @param text the text
	 * @return whether it contains U+0000
	 */
	public static boolean containsNul(String text) {
		return text.indexOf('\0') >= 0;
	}

	private static boolean containsNul(JsonNode node) {
		if (node.isString()) {
			return containsNul(node.asString());
		}
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			if (containsNul(member.getKey()) || containsNul(member.getValue())) {
				return true;
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (containsNul(element)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The Java value of a JSON node: String, Number (BigDecimal for decimals), Boolean, List, Map
	 * or {@code null}.
	 * @param node the node
	 * @return the value
	 */
	public static @Nullable Object toJava(@Nullable JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.asString();
		}
		if (node.isNumber()) {
			return node.numberValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isArray()) {
			List<Object> values = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				values.add(toJava(element));
			}
			return Collections.unmodifiableList(values);
		}
		Map<String, Object> members = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			members.put(member.getKey(), toJava(member.getValue()));
		}
		return Collections.unmodifiableMap(members);
	}

	/**
	 * The kind of a JSON node in words, for messages.
	 * @param node the node
	 * @return for example "a string" or "an array"
	 */
	public static String kindOf(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return "null";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		if (node.isArray()) {
			return "an array";
		}
		return "an object";
	}

}
