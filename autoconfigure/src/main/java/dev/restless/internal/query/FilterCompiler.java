package dev.restless.internal.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.metamodel.ValueTypes;
import dev.restless.internal.query.QueryField.Kind;
import dev.restless.query.Filter;
import dev.restless.query.FilterOperator;
import dev.restless.query.FilterOperator.Argument;
import dev.restless.query.InvalidQueryException;
import org.jspecify.annotations.Nullable;

/**
 * Checks the leaves of a filter against the exposed resources and the operators, and converts
 * their values: the one place that decides whether a filter is valid, used both when a request is
 * parsed (so the client gets a precise {@code 400}) and when a predicate is built (so filters set
 * by preprocessors obey the same rules).
 */
public final class FilterCompiler {

	/** The operators that compare a composite key, which has no order and no text to match. */
	private static final List<String> COMPOSITE_KEY_OPERATORS = List.of("==", "!=", "in", "not_in");

	private final ResourceRegistry registry;

	private final FilterOperators operators;

	private final int maxFieldSegments;

	private final FieldVisibility visibility;

	public FilterCompiler(ResourceRegistry registry, FilterOperators operators, int maxFieldSegments) {
		this(registry, operators, maxFieldSegments, FieldVisibility.ALL);
	}

	/**
	 * Create a compiler of the filters of clients, who may name only the fields they may read.
	 * @param registry the exposed resources
	 * @param operators the operators of the language
	 * @param maxFieldSegments the most dotted segments of a field name
	 * @param visibility the fields the caller may read
	 */
	public FilterCompiler(ResourceRegistry registry, FilterOperators operators, int maxFieldSegments,
			FieldVisibility visibility) {
		this.registry = registry;
		this.operators = operators;
		this.maxFieldSegments = maxFieldSegments;
		this.visibility = visibility;
	}

	public ResourceRegistry registry() {
		return this.registry;
	}

	/** @return the fields the filters may name */
	public FieldVisibility visibility() {
		return this.visibility;
	}

	/**
	 * Check a whole filter tree.
	 * @param resource the filtered resource
	 * @param filter the filter
	 * @param pointer where the filter is, for messages (empty for none)
	 * @throws InvalidQueryException naming the first problem and where it is
	 */
	void check(ResourceDescriptor resource, Filter filter, String pointer) {
		try {
			if (filter instanceof Filter.Comparison comparison) {
				value(resource, comparison.field(), comparison.operator(), comparison.value(), true);
			}
			else if (filter instanceof Filter.Unary unary) {
				value(resource, unary.field(), unary.operator(), null, false);
			}
			else if (filter instanceof Filter.FieldComparison comparison) {
				fields(resource, comparison);
			}
			else if (filter instanceof Filter.Related related) {
				ResourceDescriptor target = related(resource, related).target();
				check(target, related.condition(), pointer + "/val");
			}
			else if (filter instanceof Filter.And and) {
				checkAll(resource, and.filters(), pointer + "/and");
			}
			else if (filter instanceof Filter.Or or) {
				checkAll(resource, or.filters(), pointer + "/or");
			}
			else if (filter instanceof Filter.Not not) {
				check(resource, not.filter(), pointer + "/not");
			}
		}
		catch (Located ex) {
			throw ex;
		}
		catch (InvalidQueryException ex) {
			throw new Located(ex.getMessage(), pointer);
		}
	}

	private void checkAll(ResourceDescriptor resource, List<Filter> filters, String pointer) {
		for (int index = 0; index < filters.size(); index++) {
			check(resource, filters.get(index), pointer + "/" + index);
		}
	}

	/**
	 * A comparison of a field with a value, or a unary operator.
	 * @param resource the filtered resource
	 * @param name the field name
	 * @param operatorName the operator name
	 * @param value the value as decoded
	 * @param valueGiven whether the filter carries a value (a {@code null} one included)
	 * @return the field, the operator and the converted argument
	 */
	public Compiled value(ResourceDescriptor resource, String name, String operatorName, @Nullable Object value,
			boolean valueGiven) {
		FilterOperator operator = operator(operatorName);
		QueryField field = field(resource, name);
		IdDescriptor compositeKey = field.compositeKey(this.registry);
		if (compositeKey != null) {
			return compositeKeyValue(field, compositeKey, operator, operatorName, value, valueGiven);
		}
		checkApplies(operator, operatorName, field);
		Object argument = switch (operator.argument()) {
			case NONE -> null;
			case RAW -> {
				if (!valueGiven) {
					throw new InvalidQueryException("The filter on '" + name + "' with '" + operatorName
							+ "' needs an argument in 'val'");
				}
				yield value;
			}
			case VALUE -> {
				if (!valueGiven) {
					throw new InvalidQueryException("The filter on '" + name + "' with '" + operatorName
							+ "' needs an argument in 'val'");
				}
				if (value == null) {
					throw new InvalidQueryException("'" + operatorName + "' cannot compare '" + name
							+ "' with null: use 'is_null' or 'is_not_null'");
				}
				yield convert(field, value);
			}
			case VALUES -> {
				if (!(value instanceof Collection<?> values)) {
					throw new InvalidQueryException("The filter on '" + name + "' with '" + operatorName
							+ "' needs an array of values in 'val'" + (valueGiven ? ", not " + FilterValues.quote(value)
									: ""));
				}
				List<Object> converted = new ArrayList<>(values.size());
				for (Object element : values) {
					if (element == null) {
						throw new InvalidQueryException("The values of '" + operatorName + "' on '" + name
								+ "' cannot contain null: use 'is_null' or 'is_not_null'");
					}
					converted.add(convert(field, element));
				}
				yield List.copyOf(converted);
			}
		};
		return new Compiled(field, operator, argument, null);
	}

	/**
	 * A comparison of two fields.
	 * @param resource the filtered resource
	 * @param comparison the filter
	 * @return both fields and the operator
	 */
	public Compiled fields(ResourceDescriptor resource, Filter.FieldComparison comparison) {
		FilterOperator operator = operator(comparison.operator());
		if (!operator.comparesFields()) {
			throw new InvalidQueryException("Operator '" + comparison.operator() + "' cannot compare two fields");
		}
		QueryField field = field(resource, comparison.field());
		QueryField other = field(resource, comparison.otherField());
		for (QueryField compared : List.of(field, other)) {
			if (compared.compositeKey(this.registry) != null) {
				throw new InvalidQueryException("'" + compared.name() + "' holds composite keys, which cannot be "
						+ "compared with another field; compare it with ids in 'val'");
			}
		}
		checkApplies(operator, comparison.operator(), field);
		checkApplies(operator, comparison.operator(), other);
		if (!sameFamily(field.type(), other.type())) {
			throw new InvalidQueryException("'" + comparison.field() + "' and '" + comparison.otherField()
					+ "' hold different kinds of values and cannot be compared");
		}
		return new Compiled(field, operator, null, other);
	}

	/**
	 * A {@code has} or {@code any} filter.
	 * @param resource the filtered resource
	 * @param related the filter
	 * @return the relationship and its target resource
	 */
	public RelatedTarget related(ResourceDescriptor resource, Filter.Related related) {
		String operator = related.operator();
		if (!FilterOperators.RELATIONSHIP_OPERATORS.contains(operator)) {
			throw new InvalidQueryException("Operator '" + operator + "' does not take a filter; 'has' and 'any' do");
		}
		if (related.relation().contains(".")) {
			throw new InvalidQueryException("'" + operator + "' takes a relationship of '" + resource.type()
					+ "', not the dotted name '" + related.relation() + "': nest 'has' and 'any' to go further");
		}
		QueryField field = field(resource, related.relation());
		boolean toMany = field.kind() == Kind.TO_MANY;
		if (field.kind() != Kind.TO_ONE && !toMany) {
			throw new InvalidQueryException("'" + related.relation() + "' of '" + resource.type()
					+ "' is not a relationship: '" + operator + "' filters on related resources");
		}
		if (operator.equals("has") && toMany) {
			throw new InvalidQueryException("'" + related.relation() + "' of '" + resource.type()
					+ "' is a to-many relationship: use 'any' instead of 'has'");
		}
		if (operator.equals("any") && !toMany) {
			throw new InvalidQueryException("'" + related.relation() + "' of '" + resource.type()
					+ "' is a to-one relationship: use 'has' instead of 'any'");
		}
		if (related.condition() == null) {
			throw new InvalidQueryException("'" + operator + "' on '" + related.relation()
					+ "' needs a filter object in 'val'");
		}
		ResourceDescriptor target = this.registry.find(field.relationship().targetClass()).orElseThrow();
		return new RelatedTarget(field, target);
	}

	/**
	 * A filter on a composite key (the id of a resource with one, or a to-one relationship to
	 * one): the key is compared whole, with ids in their text form, so only equality, membership
	 * and (for a relationship) nullness apply.
	 */
	private static Compiled compositeKeyValue(QueryField field, IdDescriptor key, FilterOperator operator,
			String operatorName, @Nullable Object value, boolean valueGiven) {
		String name = operator.name();
		boolean unary = field.kind() == Kind.TO_ONE && (name.equals("is_null") || name.equals("is_not_null"));
		if (!unary && !COMPOSITE_KEY_OPERATORS.contains(name)) {
			throw new InvalidQueryException("Operator '" + operatorName + "' cannot be applied to '" + field.name()
					+ "', which holds composite keys; use one of " + COMPOSITE_KEY_OPERATORS
					+ ((field.kind() == Kind.TO_ONE) ? ", is_null or is_not_null" : ""));
		}
		Object argument = null;
		if (!unary) {
			if (!valueGiven || value == null) {
				throw new InvalidQueryException("The filter on '" + field.name() + "' with '" + operatorName
						+ "' needs " + (name.endsWith("in") ? "an array of ids" : "an id") + " in 'val'");
			}
			if (name.endsWith("in")) {
				if (!(value instanceof Collection<?> values)) {
					throw new InvalidQueryException("The filter on '" + field.name() + "' with '" + operatorName
							+ "' needs an array of ids in 'val', not " + FilterValues.quote(value));
				}
				List<Object> keys = new ArrayList<>(values.size());
				for (Object element : values) {
					keys.add(compositeKey(field, key, element));
				}
				argument = List.copyOf(keys);
			}
			else {
				argument = compositeKey(field, key, value);
			}
		}
		return new Compiled(field, operator, argument, null);
	}

	private static Object compositeKey(QueryField field, IdDescriptor key, @Nullable Object value) {
		if (value != null && key.javaType().isInstance(value)) {
			return value;
		}
		return ((value instanceof String text) ? key.parse(text) : java.util.Optional.empty())
			.orElseThrow(() -> new InvalidQueryException("The value for '" + field.name() + "' must be "
					+ key.describe() + ", not " + FilterValues.quote(value)));
	}

	private FilterOperator operator(String name) {
		if (name == null || name.isEmpty()) {
			throw new InvalidQueryException("The filter has no operator in 'op'");
		}
		if (FilterOperators.RELATIONSHIP_OPERATORS.contains(name)) {
			throw new InvalidQueryException("'" + name + "' filters on a relationship and needs a filter object in 'val'");
		}
		return this.operators.find(name)
			.orElseThrow(() -> new InvalidQueryException(
					"Unknown operator '" + FilterValues.shorten(name) + "'; use one of "
							+ this.operators.names()));
	}

	private QueryField field(ResourceDescriptor resource, String name) {
		if (name == null || name.isEmpty()) {
			throw new InvalidQueryException("The filter has no field name in 'name'");
		}
		return QueryField.resolve(this.registry, resource, name, this.maxFieldSegments, this.visibility);
	}

	private static void checkApplies(FilterOperator operator, String operatorName, QueryField field) {
		if (field.kind() == Kind.TO_MANY) {
			throw new InvalidQueryException("'" + field.name() + "' of '" + field.resource().type()
					+ "' is a to-many relationship: filter on its resources with the 'any' operator");
		}
		if (operator.argument() != Argument.NONE && operator.argument() != Argument.RAW
				&& !FilterValues.supports(field.type())) {
			throw new InvalidQueryException("'" + field.name() + "' holds values that cannot be compared in filters; "
					+ "only 'is_null' and 'is_not_null' apply");
		}
		if (!operator.appliesTo(field.type())) {
			throw new InvalidQueryException("Operator '" + operatorName + "' cannot be applied to '" + field.name()
					+ "', which holds " + ValueTypes.describe(field.type()));
		}
	}

	private static Object convert(QueryField field, Object value) {
		return FilterValues.convert(field.type(), value, field.name());
	}

	private static boolean sameFamily(Class<?> a, Class<?> b) {
		if (Number.class.isAssignableFrom(a) && Number.class.isAssignableFrom(b)) {
			return true;
		}
		boolean aText = a == String.class || a == Character.class;
		boolean bText = b == String.class || b == Character.class;
		return (aText && bText) || a == b;
	}

	/**
	 * A checked leaf.
	 *
	 * @param field the field
	 * @param operator the operator
	 * @param argument the converted argument
	 * @param otherField the right-hand field of a field comparison, otherwise {@code null}
	 */
	public record Compiled(QueryField field, FilterOperator operator, @Nullable Object argument,
			@Nullable QueryField otherField) {
	}

	/**
	 * A checked relationship filter.
	 *
	 * @param relationship the relationship field
	 * @param target the related resource
	 */
	public record RelatedTarget(QueryField relationship, ResourceDescriptor target) {
	}

	/**
	 * A problem and where in the filter it is.
	 */
	static final class Located extends InvalidQueryException {

		private final String pointer;

		Located(String detail, String pointer) {
			super(detail);
			this.pointer = pointer;
		}

		String pointer() {
			return this.pointer;
		}

	}

}
