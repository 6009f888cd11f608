package dev.restless.internal.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.restless.internal.metamodel.TemporalRange;
import dev.restless.internal.metamodel.ValueTypes;
import dev.restless.query.InvalidQueryException;
import org.jspecify.annotations.Nullable;

/**
 * Converts the values of filters to the Java type of the filtered field. The rules are strict so a
 * value means the same on every database: numbers must be exact for the type, text is not turned
 * into numbers unless it is one, dates are ISO-8601. A value already of the field's type (set by a
 * preprocessor) is used as is.
 */
final class FilterValues {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final int QUOTED_LENGTH = 40;

	private static final int MAX_DIGITS = 400;

	private FilterValues() {
	}

	/**
	 * Whether values of a type can be converted.
	 * @param type the boxed type
	 * @return whether {@link #convert} handles it
	 */
	static boolean supports(Class<?> type) {
		return type == String.class || type == Character.class || type == Boolean.class || type == Integer.class
				|| type == Long.class || type == Short.class || type == Byte.class || type == BigInteger.class
				|| type == Double.class || type == Float.class || type == BigDecimal.class || type.isEnum()
				|| type == UUID.class || type == LocalDate.class || type == LocalDateTime.class
				|| type == LocalTime.class || type == OffsetDateTime.class || type == OffsetTime.class
				|| type == ZonedDateTime.class || type == Instant.class;
	}

	/**
	 * Convert a value to a type.
	 * @param type the boxed type of the field
	 * @param value the value as decoded from JSON or text (never {@code null})
	 * @param field the field name, for messages
	 * @return the converted value
	 * @throws InvalidQueryException when the value is not one of the type
	 */
	static Object convert(Class<?> type, Object value, String field) {
		if (value instanceof String text && QueryJson.containsNul(text)) {
			throw new InvalidQueryException("The value for '" + field + "' contains the NUL character, "
					+ "which text values cannot hold");
		}
		Object converted;
		if (type.isInstance(value) && !Number.class.isAssignableFrom(type)) {
			converted = value;
		}
		else {
			converted = (value instanceof List<?> || value instanceof Map<?, ?>) ? null : tryConvert(type, value);
		}
		if (converted == null) {
			throw new InvalidQueryException(
					"The value for '" + field + "' must be " + ValueTypes.describe(type) + ", not " + quote(value));
		}
		if (!TemporalRange.contains(converted)) {
			throw new InvalidQueryException("The value for '" + field + "' must be " + ValueTypes.describe(type)
					+ ", " + TemporalRange.DESCRIPTION + ", not " + quote(value));
		}
		return converted;
	}

	private static @Nullable Object tryConvert(Class<?> type, Object value) {
		try {
			if (Number.class.isAssignableFrom(type)) {
				return number(type, value);
			}
			if (!(value instanceof String text)) {
				return null;
			}
			if (type == Boolean.class) {
				return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
			}
			if (type == Character.class) {
				return (text.length() == 1) ? text.charAt(0) : null;
			}
			if (type.isEnum()) {
				return Arrays.stream(type.getEnumConstants())
					.filter((constant) -> ((Enum<?>) constant).name().equals(text))
					.findFirst()
					.orElse(null);
			}
			if (type == UUID.class) {
				return UUID_PATTERN.matcher(text).matches() ? UUID.fromString(text) : null;
			}
			return temporal(type, text);
		}
		catch (ArithmeticException | NumberFormatException | DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Object number(Class<?> type, Object value) {
		BigDecimal number;
		if (value instanceof BigDecimal decimal) {
			number = decimal;
		}
		else if (value instanceof BigInteger integer) {
			number = new BigDecimal(integer);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			number = BigDecimal.valueOf(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			double floating = ((Number) value).doubleValue();
			if (!Double.isFinite(floating)) {
				return null;
			}
			number = BigDecimal.valueOf(floating);
		}
		else if (value instanceof String text && text.length() <= 100) {
			number = new BigDecimal(text.strip());
		}
		else {
			return null;
		}
		if (Math.abs((long) number.precision() - number.scale()) > MAX_DIGITS
				|| Math.abs((long) number.scale()) > MAX_DIGITS) {
			// An exponent such as 1e999999999 would cost unbounded work to convert exactly.
			return null;
		}
		if (type == Integer.class) {
			return number.intValueExact();
		}
		if (type == Long.class) {
			return number.longValueExact();
		}
		if (type == Short.class) {
			return number.shortValueExact();
		}
		if (type == Byte.class) {
			return number.byteValueExact();
		}
		if (type == BigInteger.class) {
			return number.toBigIntegerExact();
		}
		if (type == BigDecimal.class) {
			return number;
		}
		if (type == Double.class) {
			double floating = number.doubleValue();
			return Double.isFinite(floating) ? floating : null;
		}
		if (type == Float.class) {
			float floating = number.floatValue();
			return Float.isFinite(floating) ? floating : null;
		}
		return null;
	}

	private static @Nullable Object temporal(Class<?> type, String text) {
		if (type == LocalDate.class) {
			return LocalDate.parse(text);
		}
		if (type == LocalDateTime.class) {
			return LocalDateTime.parse(text);
		}
		if (type == LocalTime.class) {
			return LocalTime.parse(text);
		}
		if (type == OffsetDateTime.class) {
			return OffsetDateTime.parse(text);
		}
		if (type == OffsetTime.class) {
			return OffsetTime.parse(text);
		}
		if (type == ZonedDateTime.class) {
			return ZonedDateTime.parse(text);
		}
		if (type == Instant.class) {
			return OffsetDateTime.parse(text).toInstant();
		}
		return null;
	}

	/**
	 * A value as the client wrote it, shortened, for messages.
	 * @param value the value
	 * @return its text
	 */
	static String quote(@Nullable Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof List<?>) {
			return "an array";
		}
		if (value instanceof Map<?, ?>) {
			return "an object";
		}
		String text = shorten(String.valueOf(value));
		return (value instanceof String) ? "\"" + text + "\"" : text;
	}

	/**
	 * A text cut to a length fit for messages.
	 * @param text the text
	 * @return the text, or its beginning followed by an ellipsis
	 */
	static String shorten(String text) {
		return (text.length() > QUOTED_LENGTH) ? text.substring(0, QUOTED_LENGTH) + "..." : text;
	}

}
