package dev.restless.internal.metamodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times that every supported database stores and compares faithfully: from
 * 1582-10-15, the first day of the Gregorian calendar, to 9999-12-31, the last of SQL's
 * {@code DATE} and {@code TIMESTAMP}. Java accepts far more (year +999999999); past the range H2
 * stores another date, and PostgreSQL and MariaDB refuse the statement. Before it, values reach
 * JDBC as {@code java.sql.Date} and {@code Timestamp}, whose calendar is Julian until 1582-10-04
 * and has no 1582-10-05 to 1582-10-14: those ten days would be stored ten days later, and H2
 * stores earlier dates as other days of its proleptic Gregorian calendar.
 */
public final class TemporalRange {

	/** The range in words, for error details. */
	public static final String DESCRIPTION = "from 1582-10-15 (the first day of the Gregorian calendar) to 9999-12-31";

	private static final LocalDate FIRST_DAY = LocalDate.of(1582, 10, 15);

	private static final int LAST_YEAR = 9999;

	private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

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
			return inRange(date);
		}
		if (value instanceof LocalDateTime dateTime) {
			return inRange(dateTime.toLocalDate());
		}
		if (value instanceof OffsetDateTime dateTime) {
			return inRange(dateTime.toLocalDate()) && contains(dateTime.toInstant());
		}
		if (value instanceof ZonedDateTime dateTime) {
			return inRange(dateTime.toLocalDate()) && contains(dateTime.toInstant());
		}
		if (value instanceof Instant instant) {
			return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
		}
		return true;
	}

	private static boolean inRange(LocalDate date) {
		return !date.isBefore(FIRST_DAY) && date.getYear() <= LAST_YEAR;
	}

}
