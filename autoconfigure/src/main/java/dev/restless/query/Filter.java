package dev.restless.query;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One filter of the {@code filter[objects]} language, as a syntax tree. Field names are member
 * names of the resource (dotted to reach a to-one relation's attribute); values are already
 * decoded from JSON but not yet converted to the attribute's type. A preprocessor may build
 * filters too, with JSON-like values or values already of the field's type: they are checked and
 * converted by the same rules as the client's.
 */
public sealed interface Filter {

	/**
	 * {@code {"name": f, "op": o, "val": v}}: compares a field with a value.
	 *
	 * @param field the field
	 * @param operator the operator name (built-in or custom)
	 * @param value the value (String, Number, Boolean, List, Map or null)
	 */
	record Comparison(String field, String operator, @Nullable Object value) implements Filter {
	}

	/**
	 * {@code {"name": f, "op": o}}: a unary operator such as {@code is_null}.
	 *
	 * @param field the field
	 * @param operator the operator name
	 */
	record Unary(String field, String operator) implements Filter {
	}

	/**
	 * {@code {"name": f, "op": o, "field": g}}: compares two fields of the same resource.
	 *
	 * @param field the left-hand field
	 * @param operator the operator name
	 * @param otherField the right-hand field
	 */
	record FieldComparison(String field, String operator, String otherField) implements Filter {
	}

	/**
	 * {@code {"name": relation, "op": "has"|"any", "val": filter}}: a condition on related resources.
	 *
	 * @param relation the relationship name
	 * @param operator {@code has} (to-one) or {@code any} (to-many)
	 * @param condition the condition on the related resource
	 */
	record Related(String relation, String operator, Filter condition) implements Filter {
	}

	/**
	 * {@code {"and": [...]}}.
	 *
	 * @param filters the operands
	 */
	record And(List<Filter> filters) implements Filter {
	}

	/**
	 * {@code {"or": [...]}}.
	 *
	 * @param filters the operands
	 */
	record Or(List<Filter> filters) implements Filter {
	}

	/**
	 * {@code {"not": filter}}.
	 *
	 * @param filter the negated filter
	 */
	record Not(Filter filter) implements Filter {
	}

}
