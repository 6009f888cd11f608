package dev.restless.internal.metamodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times that every supported database stores and compares faithfully: the years 1
 * to 9999 of SQL's {@code DATE} and {@code TIMESTAMP}. Java accepts far more (year +999999999);
 * past the range H2 stores another date, and PostgreSQL and MariaDB refuse the statement.
 */
public final class TemporalRange {

	/** The range in words, for error details. */
	public static final String DESCRIPTION = "in the years 1 to 9999";

	private static final int FIRST_YEAR = 1;

	private static final int LAST_YEAR = 9999;

	private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

	private static final Instant END_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

	private TemporalRange() {
	}

	/**
	 * Whether a value is inside the range, in its own offset and in UTC (where databases keep
	 * values with an offset).
	 * @param value any value
	 * @return {@code false} for a date or date-time outside the range, {@code true} otherwise
	 */
	public static boolean contains(Object value) {
		if (value instanceof LocalDate date) {
			return inRange(date.getYear());
		}
		if (value instanceof LocalDateTime dateTime) {
			return inRange(dateTime.getYear());
		}
		if (value instanceof OffsetDateTime dateTime) {
			return inRange(dateTime.getYear()) && contains(dateTime.toInstant());
		}
		if (value instanceof ZonedDateTime dateTime) {
			return inRange(dateTime.getYear()) && contains(dateTime.toInstant());
		}
		if (value instanceof Instant instant) {
			return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
		}
		return true;
	}

	private static boolean inRange(int year) {
		return year >= FIRST_YEAR && year <= LAST_YEAR;
	}

}
