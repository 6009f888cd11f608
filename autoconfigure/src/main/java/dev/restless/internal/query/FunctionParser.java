package dev.restless.internal.query;

import dev.restless.query.InvalidQueryException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.query.QueryField.Kind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code functions} parameter of the eval endpoint: a JSON array of
 * {@code {"name": function, "field": field}} objects ({@code field} is optional for
 * {@code count}). Every problem is a {@code 400} naming the parameter.
 */
public final class FunctionParser {

	/** The parameter carrying the functions. */
	public static final String PARAMETER = "functions";

	/** The most functions one request may ask for. */
	public static final int MAX_FUNCTIONS = 100;

	/** Dotted segments accepted in a field name. */
	private static final int MAX_FIELD_SEGMENTS = 4;

	private static final Set<String> MEMBERS = Set.of("name", "field");

	private final ResourceRegistry registry;

	private final FieldVisibility visibility;

	/**
	 * Create a parser.
	 * @param registry the exposed resources
	 * @param visibility the fields the caller may read, the only ones functions may name
	 */
	public FunctionParser(ResourceRegistry registry, FieldVisibility visibility) {
		this.registry = registry;
		this.visibility = visibility;
	}

	/**
	 * Parse the {@code functions} parameter.
	 * @param resource the resource the functions are computed over
	 * @param value the parameter's value, or {@code null} when it is missing
	 * @return the functions, in the order asked
	 */
	public List<FunctionCall> parse(ResourceDescriptor resource, @Nullable String value) {
		if (value == null) {
			throw JsonApiException.badParameter(PARAMETER, "The eval endpoint needs a functions parameter, "
					+ "such as functions=[{\"name\": \"count\"}, {\"name\": \"avg\", \"field\": \"age\"}]");
		}
		try {
			JsonNode root = QueryJson.read(PARAMETER, value);
			if (!root.isArray()) {
				throw new InvalidQueryException(
						"functions must be a JSON array of function objects, not " + QueryJson.kindOf(root));
			}
			if (root.size() > MAX_FUNCTIONS) {
				throw new InvalidQueryException(
						"functions asks for " + root.size() + " functions; at most " + MAX_FUNCTIONS + " are computed at once");
			}
			List<FunctionCall> calls = new ArrayList<>(root.size());
			for (int index = 0; index < root.size(); index++) {
				try {
					calls.add(call(resource, root.get(index)));
				}
				catch (InvalidQueryException ex) {
					throw new InvalidQueryException(ex.getMessage() + " (in the function at /" + index + ")");
				}
			}
			return List.copyOf(calls);
		}
		catch (InvalidQueryException ex) {
			throw JsonApiException.badParameter(PARAMETER, ex.getMessage());
		}
	}

	private FunctionCall call(ResourceDescriptor resource, JsonNode node) {
		if (!node.isObject()) {
			throw new InvalidQueryException("A function must be a JSON object such as {\"name\": \"avg\", "
					+ "\"field\": \"age\"}, not " + QueryJson.kindOf(node));
		}
		for (String member : node.propertyNames()) {
			if (!MEMBERS.contains(member)) {
				throw new InvalidQueryException("Unknown member '" + shorten(member)
						+ "' in a function; a function has 'name' and 'field'");
			}
		}
		String name = text(node, "name");
		if (name == null) {
			throw new InvalidQueryException("The function has no 'name'; use one of " + names());
		}
		AggregateFunction function = AggregateFunction.named(name)
			.orElseThrow(() -> new InvalidQueryException(
					"Unknown function '" + shorten(name) + "'; use one of " + names()));
		String fieldName = text(node, "field");
		if (fieldName == null) {
			if (function != AggregateFunction.COUNT) {
				throw new InvalidQueryException("'" + name + "' needs the field to compute it over in 'field'");
			}
			return new FunctionCall(function, null);
		}
		QueryField field = QueryField.resolve(this.registry, resource, fieldName, MAX_FIELD_SEGMENTS, this.visibility);
		if (field.kind() == Kind.TO_MANY) {
			throw new InvalidQueryException("'" + fieldName + "' of '" + resource.type()
					+ "' is a to-many relationship; functions are computed over single values");
		}
		if (field.compositeKey(this.registry) != null) {
			throw new InvalidQueryException("'" + fieldName + "' of '" + resource.type()
					+ "' holds composite keys; functions are computed over single values");
		}
		boolean numeric = Number.class.isAssignableFrom(field.type());
		boolean ordered = numeric || field.type() == String.class
				|| (Temporal.class.isAssignableFrom(field.type()) && field.type().getName().startsWith("java.time."));
		switch (function) {
			case SUM, AVG -> {
				if (!numeric || field.kind() == Kind.TO_ONE) {
					throw new InvalidQueryException("'" + name + "' needs a numeric field, and '" + fieldName
							+ "' is not one");
				}
			}
			case MIN, MAX -> {
				if (!ordered || field.kind() == Kind.TO_ONE) {
					throw new InvalidQueryException("'" + name + "' needs a number, text or date field, and '"
							+ fieldName + "' is not one");
				}
			}
			default -> {
				// count applies to any single-valued field
			}
		}
		return new FunctionCall(function, field);
	}

	private static @Nullable String text(JsonNode node, String member) {
		JsonNode value = node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidQueryException("'" + member + "' must be a string, not " + QueryJson.kindOf(value));
		}
		return value.asString();
	}

	private static List<String> names() {
		return Arrays.stream(AggregateFunction.values()).map(AggregateFunction::functionName).toList();
	}

	private static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

}
