package dev.restless.internal.query;

import dev.restless.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.query.InvalidQueryException;
import dev.restless.internal.query.QueryField;
import dev.restless.internal.query.QueryField.Kind;
import dev.restless.internal.query.QueryJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses the {@code filter[...]} query parameters of a request into {@link Filter}s, checking
 * every field against the resource, every operator and every value, so that a bad filter is
 * answered with a {@code 400} naming the parameter before anything is read:
 * <ul>
 * <li>{@code filter[objects]}: a JSON array of filter objects, combined with AND;</li>
 * <li>{@code filter[single]}: {@code 1} asks for exactly one resource, {@code 0} for a page;</li>
 * <li>{@code filter[<attribute>]=a,b}: the attribute is one of the values (equal to it for one
 * value); for a to-one relationship, the related resource's id is.</li>
 * </ul>
 * Filters are bounded: at most {@code maxDepth} levels of nesting and {@code maxNodes} filter
 * objects and values in one request.
 */
public class FilterParser {

	private static final String OBJECTS = "objects";

	private static final String SINGLE = "single";

	private static final Set<String> LEAF_MEMBERS = Set.of("name", "op", "val", "field");

	private static final Set<String> BOOLEAN_MEMBERS = Set.of("and", "or", "not");

	private final FilterCompiler compiler;

	private final int maxDepth;

	private final int maxNodes;

	/**
	 * Create a parser.
	 * @param registry the exposed resources
	 * @param operators the operators of the language
	 * @param maxDepth the deepest nesting of filters accepted
	 * @param maxNodes the most filter objects and values accepted in one request
	 */
	public FilterParser(ResourceRegistry registry, FilterOperators operators, int maxDepth, int maxNodes) {
		this(registry, operators, maxDepth, maxNodes, FieldVisibility.ALL);
	}

	/**
	 * Create a parser of the filters of callers who may read only some fields.
	 * @param registry the exposed resources
	 * @param operators the operators of the language
	 * @param maxDepth the deepest nesting of filters accepted
	 * @param maxNodes the most filter objects and values accepted in one request
	 * @param visibility the fields the caller may read: the others are unknown names
	 */
	public FilterParser(ResourceRegistry registry, FilterOperators operators, int maxDepth, int maxNodes,
			FieldVisibility visibility) {
		if (maxDepth < 1 || maxNodes < 1) {
			throw new IllegalArgumentException("The filter limits must be at least 1");
		}
		this.compiler = new FilterCompiler(registry, operators, maxDepth + 1, visibility);
		this.maxDepth = maxDepth;
		this.maxNodes = maxNodes;
	}

	/**
	 * Parse the filter parameters.
	 * @param resource the resource being filtered
	 * @param parameters the filter parameters by the key inside the brackets (for example
	 * {@code objects} for {@code filter[objects]})
	 * @return the filters
	 */
	public Result parse(ResourceDescriptor resource, Map<String, String> parameters) {
		List<Filter> filters = new ArrayList<>();
		boolean single = false;
		Budget budget = new Budget();
		for (Map.Entry<String, String> entry : parameters.entrySet()) {
			String key = entry.getKey();
			String parameter = "filter[" + key + "]";
			String value = entry.getValue();
			if (key.equals(SINGLE)) {
				single = parseSingle(parameter, value);
			}
			else if (key.equals(OBJECTS)) {
				filters.addAll(parseObjects(resource, parameter, value, budget));
			}
			else {
				filters.add(parseSimple(resource, key, parameter, value, budget));
			}
		}
		return new Result(filters, single);
	}

	private static boolean parseSingle(String parameter, String value) {
		return switch (value) {
			case "1" -> true;
			case "0" -> false;
			default -> throw JsonApiException.badParameter(parameter,
					"filter[single] must be 1 (exactly one resource) or 0, not '" + FilterValues.shorten(value) + "'");
		};
	}

	private Filter parseSimple(ResourceDescriptor resource, String key, String parameter, String value,
			Budget budget) {
		if (key.isEmpty()) {
			throw JsonApiException.badParameter(parameter,
					"filter[] names no field; use filter[objects] or filter[<attribute>]");
		}
		try {
			QueryField field = QueryField.resolve(this.compiler.registry(), resource, key, this.maxDepth + 1,
					this.compiler.visibility());
			if (field.kind() == Kind.TO_MANY) {
				throw new InvalidQueryException("'" + key + "' of '" + resource.type()
						+ "' is a to-many relationship: filter on its resources with filter[objects] and 'any'");
			}
			String[] values = value.split(",", -1);
			IdDescriptor compositeKey = field.compositeKey(this.compiler.registry());
			if (compositeKey != null) {
				values = groupKeys(key, values, compositeKey);
			}
			if (!budget.spend(values.length + 1L)) {
				throw new InvalidQueryException(tooMany());
			}
			Filter filter = (values.length == 1) ? new Filter.Comparison(key, "==", values[0])
					: new Filter.Comparison(key, "in", List.of(values));
			this.compiler.check(resource, filter, "");
			return filter;
		}
		catch (InvalidQueryException ex) {
			throw JsonApiException.badParameter(parameter, ex.getMessage());
		}
	}

	/**
	 * The ids of a composite key in a simple filter: the components of every id are separated by
	 * commas too, so the value holds whole ids of as many components each.
	 */
	private static String[] groupKeys(String field, String[] components, IdDescriptor key) {
		int size = key.components().size();
		if (components.length % size != 0) {
			throw new InvalidQueryException("The value for '" + field + "' must be one or more ids, each "
					+ key.describe() + ", and ids separated by ','");
		}
		String[] ids = new String[components.length / size];
		for (int index = 0; index < ids.length; index++) {
			ids[index] = String.join(",", java.util.Arrays.asList(components).subList(index * size, (index + 1) * size));
		}
		return ids;
	}

	private List<Filter> parseObjects(ResourceDescriptor resource, String parameter, String value, Budget budget) {
		try {
			JsonNode root = QueryJson.read(parameter, value);
			if (!root.isArray()) {
				throw new InvalidQueryException(
						parameter + " must be a JSON array of filter objects, not " + QueryJson.kindOf(root));
			}
			List<Filter> filters = new ArrayList<>();
			for (int index = 0; index < root.size(); index++) {
				String pointer = "/" + index;
				Filter filter = filter(root.get(index), pointer, 1, budget);
				this.compiler.check(resource, filter, pointer);
				filters.add(filter);
			}
			return filters;
		}
		catch (FilterCompiler.Located ex) {
			throw JsonApiException.badParameter(parameter, ex.getMessage() + located(ex.pointer()));
		}
		catch (InvalidQueryException ex) {
			throw JsonApiException.badParameter(parameter, ex.getMessage());
		}
	}

	private String tooMany() {
		return "The filters hold more than " + this.maxNodes + " filter objects and values, the maximum";
	}

	private static String located(String pointer) {
		return pointer.isEmpty() ? "" : " (in the filter at " + pointer + ")";
	}

	/**
	 * The syntax of one filter object; fields, operators and values are checked afterwards.
	 */
	private Filter filter(@Nullable JsonNode node, String pointer, int depth, Budget budget) {
		if (depth > this.maxDepth) {
			throw new FilterCompiler.Located("Filters are nested deeper than " + this.maxDepth
					+ " levels, the maximum filter depth", pointer);
		}
		if (!budget.spend(1)) {
			throw new FilterCompiler.Located(tooMany(), pointer);
		}
		if (node == null || !node.isObject()) {
			throw new FilterCompiler.Located("A filter must be a JSON object, not " + QueryJson.kindOf(node), pointer);
		}
		for (String member : BOOLEAN_MEMBERS) {
			if (node.has(member)) {
				return booleanFilter(node, member, pointer, depth, budget);
			}
		}
		for (String member : node.propertyNames()) {
			if (!LEAF_MEMBERS.contains(member)) {
				throw new FilterCompiler.Located("Unknown member '" + FilterValues.shorten(member)
						+ "' in a filter; a filter has 'name', 'op' and 'val' or 'field', or is one of "
						+ "{\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}}", pointer);
			}
		}
		String name = text(node, "name", pointer);
		if (name == null) {
			throw new FilterCompiler.Located("The filter has no field name in 'name'", pointer);
		}
		String operator = text(node, "op", pointer);
		if (operator == null) {
			throw new FilterCompiler.Located("The filter on '" + name + "' has no operator in 'op'", pointer);
		}
		JsonNode value = node.get("val");
		JsonNode otherField = node.get("field");
		if (FilterOperators.RELATIONSHIP_OPERATORS.contains(operator)) {
			if (value == null || value.isNull()) {
				throw new FilterCompiler.Located(
						"'" + operator + "' on '" + name + "' needs a filter object in 'val'", pointer);
			}
			return new Filter.Related(name, operator, filter(value, pointer + "/val", depth + 1, budget));
		}
		if (otherField != null && !otherField.isNull()) {
			if (value != null) {
				throw new FilterCompiler.Located("The filter on '" + name
						+ "' gives both 'val' and 'field': compare with a value or with another field", pointer);
			}
			return new Filter.FieldComparison(name, operator, text(node, "field", pointer));
		}
		if (value == null) {
			// Checked with the operator: an operator that needs a value is answered as such.
			return new Filter.Unary(name, operator);
		}
		if ((value.isArray() || value.isObject()) && !budget.spend(countValues(value))) {
			throw new FilterCompiler.Located(tooMany(), pointer);
		}
		return new Filter.Comparison(name, operator, QueryJson.toJava(value));
	}

	private Filter booleanFilter(JsonNode node, String member, String pointer, int depth, Budget budget) {
		if (node.size() != 1) {
			throw new FilterCompiler.Located("A filter with '" + member + "' cannot have other members", pointer);
		}
		JsonNode operand = node.get(member);
		String at = pointer + "/" + member;
		if (member.equals("not")) {
			return new Filter.Not(filter(operand, at, depth + 1, budget));
		}
		if (!operand.isArray()) {
			throw new FilterCompiler.Located("'" + member + "' takes a JSON array of filters, not "
					+ QueryJson.kindOf(operand), pointer);
		}
		List<Filter> operands = new ArrayList<>(operand.size());
		for (int index = 0; index < operand.size(); index++) {
			operands.add(filter(operand.get(index), at + "/" + index, depth + 1, budget));
		}
		return member.equals("and") ? new Filter.And(operands) : new Filter.Or(operands);
	}

	private static @Nullable String text(JsonNode node, String member, String pointer) {
		JsonNode value = node.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new FilterCompiler.Located("'" + member + "' must be a string, not " + QueryJson.kindOf(value),
					pointer);
		}
		return value.asString();
	}

	private static int countValues(JsonNode node) {
		int count = 0;
		for (JsonNode element : node) {
			count += 1 + ((element.isArray() || element.isObject()) ? countValues(element) : 0);
		}
		return count;
	}

	/**
	 * The parsed filters.
	 *
	 * @param filters the filters, combined with AND
	 * @param singleResult whether exactly one result is asked for
	 */
	public record Result(List<Filter> filters, boolean singleResult) {
	}

	/** Counts the filter objects and values of one request against the maximum. */
	private final class Budget {

		private long spent;

		boolean spend(long count) {
			this.spent += count;
			return this.spent <= FilterParser.this.maxNodes;
		}

	}

}
