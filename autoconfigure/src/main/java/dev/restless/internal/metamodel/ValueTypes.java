package dev.restless.internal.metamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * What the Java types of attribute values expect, in the words of error details. Shared by the
 * request documents and the filters, so a client reads the same description for a field in both.
 */
public final class ValueTypes {

	private ValueTypes() {
	}

	/**
	 * Describe the JSON a Java type expects, in words a client understands (never a class name).
	 * @param type the Java type
	 * @return the description
	 */
	public static String describe(Class<?> type) {
		if (type == String.class || type == char.class || type == Character.class) {
			return "a string";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (isIntegral(type)) {
			return "an integer";
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class) {
			return "a number";
		}
		if (type.isEnum()) {
			return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
		}
		if (type == UUID.class) {
			return "a UUID";
		}
		if (type == LocalDate.class) {
			return "an ISO-8601 date such as 2024-01-31";
		}
		if (type == LocalDateTime.class) {
			return "an ISO-8601 date-time such as 2024-01-31T10:15:30";
		}
		if (type == LocalTime.class) {
			return "an ISO-8601 time such as 10:15:30";
		}
		if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
			return "an ISO-8601 date-time with offset such as 2024-01-31T10:15:30Z";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object of the attribute's shape";
	}

	/**
	 * Whether a type holds whole numbers only.
	 * @param type the Java type
	 * @return {@code true} for the integer types, primitive or boxed, and {@link BigInteger}
	 */
	public static boolean isIntegral(Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class || type == byte.class || type == Byte.class
				|| type == BigInteger.class;
	}

}
