package dev.restless.internal.query;

import dev.restless.query.FilterOperator;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;


import dev.restless.query.InvalidQueryException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The operators of Flask-Restless's filter language, with its names and aliases. Text compares
 * exactly on every database: equality, {@code in} and {@code like} are case- and accent-sensitive
 * even where the column's collation is not (MySQL, MariaDB), and {@code ilike} folds case only.
 */
final class BuiltInOperators {

	/** The escape character of like patterns, on every database. */
	static final char ESCAPE = '\\';

	private BuiltInOperators() {
	}

	/**
	 * The built-in operators.
	 * @param text how text matching is made exact on the database
	 * @return the operators
	 */
	static List<FilterOperator> all(TextMatching text) {
		List<FilterOperator> operators = new ArrayList<>();
		operators.add(new Unary("is_null", Set.of(), CriteriaBuilder::isNull));
		operators.add(new Unary("is_not_null", Set.of(), CriteriaBuilder::isNotNull));
		operators.add(new Equality("==", Set.of("eq", "equals", "equal_to"), false, text));
		operators.add(new Equality("!=", Set.of("ne", "neq", "not_equal_to", "does_not_equal"), true, text));
		operators.add(new Ordering(">", Set.of("gt"), CriteriaBuilder::greaterThan, CriteriaBuilder::greaterThan));
		operators.add(new Ordering("<", Set.of("lt"), CriteriaBuilder::lessThan, CriteriaBuilder::lessThan));
		operators.add(new Ordering(">=", Set.of("ge", "gte", "geq"), CriteriaBuilder::greaterThanOrEqualTo,
				CriteriaBuilder::greaterThanOrEqualTo));
		operators.add(new Ordering("<=", Set.of("le", "lte", "leq"), CriteriaBuilder::lessThanOrEqualTo,
				CriteriaBuilder::lessThanOrEqualTo));
		operators.add(new In("in", false, text));
		operators.add(new In("not_in", true, text));
		operators.add(new Like("like", text, false, false));
		operators.add(new Like("not_like", text, false, true));
		operators.add(new Like("ilike", text, true, false));
		return operators;
	}

	/**
	 * Whether values of a type have an order that is the same on every database: numbers, text
	 * (in the database's collation) and dates.
	 * @param type the boxed Java type
	 * @return whether {@code <} and friends apply
	 */
	static boolean isOrdered(Class<?> type) {
		return Number.class.isAssignableFrom(type) || type == String.class || type == Character.class
				|| (Temporal.class.isAssignableFrom(type) && type.getName().startsWith("java.time."));
	}

	/**
	 * A value as an expression that is always a bound parameter (a criteria literal may be
	 * rendered into the SQL text).
	 */
	static <T> Expression<T> bound(CriteriaBuilder builder, T value) {
		return (builder instanceof HibernateCriteriaBuilder hibernate) ? hibernate.value(value)
				: builder.literal(value);
	}

	private static boolean isText(Expression<?> expression) {
		return expression.getJavaType() == String.class;
	}

	@SuppressWarnings("unchecked")
	private static Expression<String> asText(Expression<?> expression) {
		return (Expression<String>) expression;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<Comparable> comparable(Expression<?> expression) {
		return (Expression<Comparable>) expression;
	}

	@FunctionalInterface
	private interface OrderedValue {

		@SuppressWarnings("rawtypes")
		Predicate apply(CriteriaBuilder builder, Expression<Comparable> field, Comparable value);

	}

	@FunctionalInterface
	private interface OrderedFields {

		@SuppressWarnings("rawtypes")
		Predicate apply(CriteriaBuilder builder, Expression<Comparable> field, Expression<Comparable> otherField);

	}

	private record Unary(String name, Set<String> aliases,
			BiFunction<CriteriaBuilder, Expression<?>, Predicate> predicate) implements FilterOperator {

		@Override
		public Argument argument() {
			return Argument.NONE;
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, @Nullable Object value) {
			return this.predicate.apply(builder, field);
		}

	}

	private record Equality(String name, Set<String> aliases, boolean negated, TextMatching text)
			implements FilterOperator {

		@Override
		public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
			if (this.text != TextMatching.NATIVE && isText(field)) {
				Expression<String> exact = this.text.exact(builder, asText(field));
				if (this.negated) {
					return builder.notEqual(exact, value);
				}
				// The plain comparison lets the database use an index on the column; the exact one
				// decides.
				return builder.and(builder.equal(field, value), builder.equal(exact, value));
			}
			return this.negated ? builder.notEqual(field, value) : builder.equal(field, value);
		}

		@Override
		public boolean comparesFields() {
			return true;
		}

		@Override
		public Predicate compareFields(CriteriaBuilder builder, Expression<?> field, Expression<?> otherField) {
			Expression<?> left = field;
			Expression<?> right = otherField;
			if (this.text != TextMatching.NATIVE && isText(field) && isText(otherField)) {
				left = this.text.exact(builder, asText(field));
				right = this.text.exact(builder, asText(otherField));
			}
			return this.negated ? builder.notEqual(left, right) : builder.equal(left, right);
		}

	}

	@SuppressWarnings({ "rawtypes" })
	private record Ordering(String name, Set<String> aliases, OrderedValue withValue, OrderedFields withField)
			implements FilterOperator {

		@Override
		public boolean appliesTo(Class<?> type) {
			return isOrdered(type);
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
			return this.withValue.apply(builder, comparable(field), (Comparable) value);
		}

		@Override
		public boolean comparesFields() {
			return true;
		}

		@Override
		public Predicate compareFields(CriteriaBuilder builder, Expression<?> field, Expression<?> otherField) {
			return this.withField.apply(builder, comparable(field), comparable(otherField));
		}

	}

	private record In(String name, boolean negated, TextMatching text) implements FilterOperator {

		@Override
		public Argument argument() {
			return Argument.VALUES;
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
			Collection<?> values = (Collection<?>) value;
			if (values.isEmpty()) {
				// "in []" matches nothing: an empty IN list is not valid SQL everywhere.
				return this.negated ? builder.conjunction() : builder.disjunction();
			}
			if (this.text != TextMatching.NATIVE && isText(field)) {
				Predicate exact = this.text.exact(builder, asText(field)).in(values);
				// As for equality, the plain IN lets the database use an index.
				return this.negated ? builder.not(exact) : builder.and(field.in(values), exact);
			}
			Predicate in = field.in(values);
			return this.negated ? builder.not(in) : in;
		}

	}

	private record Like(String name, TextMatching text, boolean ignoreCase, boolean negated)
			implements FilterOperator {

		@Override
		public boolean appliesTo(Class<?> type) {
			return type == String.class;
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
			String text = (String) value;
			int escapes = 0;
			while (escapes < text.length() && text.charAt(text.length() - 1 - escapes) == ESCAPE) {
				escapes++;
			}
			if (escapes % 2 == 1) {
				// Databases disagree on it (MariaDB matches the backslash literally, H2 and PostgreSQL
				// do not, and PostgreSQL fails some statements): refused everywhere.
				throw new InvalidQueryException("The pattern of '" + this.name + "' ends with the escape character "
						+ ESCAPE + "; write " + ESCAPE + ESCAPE + " to match a backslash");
			}
			Expression<String> subject = asText(field);
			Expression<String> pattern = bound(builder, text);
			if (this.ignoreCase) {
				subject = builder.lower(subject);
				pattern = builder.lower(pattern);
			}
			subject = this.text.exact(builder, subject);
			// Explicit, because some dialects otherwise switch escaping off (H2 renders escape '').
			return this.negated ? builder.notLike(subject, pattern, ESCAPE) : builder.like(subject, pattern, ESCAPE);
		}

	}

}
