package dev.restless.query;

import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An operator of the {@code filter[objects]} language: turns the path of the filtered field and
 * the client's value into a JPA criteria predicate. Declare one as a bean to add an operator, or
 * to replace the built-in operator of the same name; values reach it already checked and
 * converted, and end up as bound parameters when the predicate uses them as values.
 *
 * <pre>{@code
 * @Bean
 * FilterOperator startsWith() {
 *     return FilterOperator.of("starts_with", (builder, field, value) ->
 *             builder.like((Expression<String>) field, FilterOperator.escapeLike((String) value) + "%", '\\'));
 * }
 * }</pre>
 *
 * @see FilterOperators
 */
public interface FilterOperator {

	/**
	 * The name clients give in {@code "op"}.
	 * @return the name
	 */
	String name();

	/**
	 * Other names of the same operator (as {@code ==} and {@code eq}).
	 * @return the aliases, none by default
	 */
	default Set<String> aliases() {
		return Set.of();
	}

	/**
	 * What the operator expects in {@code "val"}.
	 * @return the kind of argument, {@link Argument#VALUE} by default
	 */
	default Argument argument() {
		return Argument.VALUE;
	}

	/**
	 * Whether the operator applies to fields of a type; filters on other fields are answered with
	 * {@code 400}.
	 * @param type the Java type of the field (boxed for primitives)
	 * @return whether the operator can filter such a field, true by default
	 */
	default boolean appliesTo(Class<?> type) {
		return true;
	}

	/**
	 * Build the predicate comparing a field with a value.
	 * @param builder the criteria builder
	 * @param field the path of the field
	 * @param value depending on {@link #argument()}: {@code null} for {@link Argument#NONE}, the
	 * value converted to the field's type for {@link Argument#VALUE}, a list of converted values for
	 * {@link Argument#VALUES}, the JSON value as decoded (String, Number, Boolean, List, Map or
	 * {@code null}) for {@link Argument#RAW}
	 * @return the predicate
	 */
	Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, @Nullable Object value);

	/**
	 * Whether the operator can compare two fields ({@code {"name": f, "op": o, "field": g}}).
	 * @return false by default
	 */
	default boolean comparesFields() {
		return false;
	}

	/**
	 * Build the predicate comparing two fields of the same type family.
	 * @param builder the criteria builder
	 * @param field the path of the left-hand field
	 * @param otherField the path of the right-hand field
	 * @return the predicate
	 * @throws UnsupportedOperationException unless {@link #comparesFields()}
	 */
	default Predicate compareFields(CriteriaBuilder builder, Expression<?> field, Expression<?> otherField) {
		throw new UnsupportedOperationException("Operator '" + name() + "' does not compare two fields");
	}

	/**
	 * An operator taking one value converted to the field's type.
	 * @param name the name clients give in {@code "op"}
	 * @param predicate builds the predicate from the builder, the field's path and the value
	 * @return the operator
	 */
	static FilterOperator of(String name, ValuePredicate predicate) {
		return new FilterOperator() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, @Nullable Object value) {
				return predicate.toPredicate(builder, field, value);
			}

		};
	}

	/**
	 * Escape the wildcards ({@code %}, {@code _}) and the escape character ({@code \}) of a text, so
	 * that it matches itself in a {@code like} pattern whose escape character is {@code \} (give it
	 * explicitly, as in {@code builder.like(field, pattern, '\\')}: some databases have no default).
	 * @param text the text
	 * @return the escaped text
	 */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * What an operator expects in {@code "val"}.
	 */
	enum Argument {

		/** Nothing: a unary operator such as {@code is_null}. */
		NONE,

		/** One value, converted to the field's type; {@code null} is refused. */
		VALUE,

		/** A JSON array of values, each converted to the field's type. */
		VALUES,

		/**
		 * Any JSON value, passed on as decoded, for operators that check it themselves: throw
		 * {@link dev.restless.query.InvalidQueryException} to answer {@code 400} with its message.
		 */
		RAW

	}

	/**
	 * Builds the predicate of an operator taking one value.
	 */
	@FunctionalInterface
	interface ValuePredicate {

		/**
		 * Build the predicate.
		 * @param builder the criteria builder
		 * @param field the path of the field
		 * @param value the value converted to the field's type
		 * @return the predicate
		 */
		Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value);

	}

}
