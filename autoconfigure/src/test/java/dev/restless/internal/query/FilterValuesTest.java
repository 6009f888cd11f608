package dev.restless.internal.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.restless.query.InvalidQueryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FilterValuesTest {

	private enum Colour {

		RED, GREEN

	}

	private static Object convert(Class<?> type, Object value) {
		return FilterValues.convert(type, value, "field");
	}

	private static void refused(Class<?> type, Object value, String detail) {
		assertThatExceptionOfType(InvalidQueryException.class).isThrownBy(() -> convert(type, value))
			.withMessageContaining(detail);
	}

	@Test
	void integersMustBeExactAndInRange() {
		assertThat(convert(Integer.class, 42)).isEqualTo(42);
		assertThat(convert(Integer.class, "42")).isEqualTo(42);
		assertThat(convert(Integer.class, new BigDecimal("42.0"))).isEqualTo(42);
		assertThat(convert(Long.class, "9007199254740993")).isEqualTo(9007199254740993L);
		assertThat(convert(BigInteger.class, "123456789012345678901234567890"))
			.isEqualTo(new BigInteger("123456789012345678901234567890"));
		refused(Integer.class, new BigDecimal("3.5"), "must be an integer, not 3.5");
		refused(Integer.class, 3_000_000_000L, "must be an integer");
		refused(Short.class, 70_000, "must be an integer");
		refused(Integer.class, "0x10", "must be an integer");
		refused(Integer.class, true, "not true");
	}

	@Test
	void hugeExponentsAreRefusedWithoutComputingThem() {
		refused(BigInteger.class, new BigDecimal("1e999999999"), "must be an integer");
		refused(BigDecimal.class, new BigDecimal("1e999999999"), "must be a number");
		refused(Double.class, "1e400", "must be a number");
		assertThat(convert(BigDecimal.class, new BigDecimal("1e300"))).isEqualTo(new BigDecimal("1e300"));
	}

	@Test
	void decimalsKeepTheirExactValue() {
		assertThat(convert(BigDecimal.class, new BigDecimal("750.50"))).isEqualTo(new BigDecimal("750.50"));
		assertThat(convert(Double.class, new BigDecimal("2.25"))).isEqualTo(2.25);
		assertThat(convert(Float.class, "1.5")).isEqualTo(1.5f);
	}

	@Test
	void booleansEnumsUuidsAndCharactersAreStrict() {
		assertThat(convert(Boolean.class, "true")).isEqualTo(true);
		assertThat(convert(Boolean.class, false)).isEqualTo(false);
		refused(Boolean.class, "yes", "must be true or false");
		refused(Boolean.class, 1, "must be true or false");
		assertThat(convert(Colour.class, "GREEN")).isEqualTo(Colour.GREEN);
		refused(Colour.class, "green", "must be one of [RED, GREEN], not \"green\"");
		UUID id = UUID.randomUUID();
		assertThat(convert(UUID.class, id.toString())).isEqualTo(id);
		refused(UUID.class, "1-2-3-4-5", "must be a UUID");
		assertThat(convert(Character.class, "x")).isEqualTo('x');
		refused(Character.class, "xy", "must be a string");
	}

	@Test
	void datesAndTimesAreIso8601() {
		assertThat(convert(LocalDate.class, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
		refused(LocalDate.class, "2023-02-29", "ISO-8601 date");
		assertThat(convert(LocalDateTime.class, "2024-01-31T10:15:30")).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 15, 30));
		assertThat(convert(OffsetDateTime.class, "2024-01-31T10:15:30+02:00"))
			.isEqualTo(OffsetDateTime.of(2024, 1, 31, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
		assertThat(convert(Instant.class, "2024-01-31T10:15:30+02:00")).isEqualTo(Instant.parse("2024-01-31T08:15:30Z"));
		assertThat(convert(Instant.class, "2024-01-31T08:15:30Z")).isEqualTo(Instant.parse("2024-01-31T08:15:30Z"));
		refused(Instant.class, "2024-01-31T08:15:30", "with offset");
		refused(LocalDate.class, 20240131, "ISO-8601 date");
	}

	@Test
	void datesAndTimesAreInTheYearsEveryDatabaseStores() {
		assertThat(convert(LocalDate.class, "1582-10-15")).isEqualTo(LocalDate.of(1582, 10, 15));
		refused(LocalDate.class, "1582-10-10", "from 1582-10-15");
		assertThat(convert(LocalDateTime.class, "9999-12-31T23:59:59")).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
		refused(LocalDate.class, "+999999999-12-31", "to 9999-12-31");
		refused(LocalDate.class, "0000-01-01", "to 9999-12-31");
		refused(LocalDate.class, LocalDate.of(-5, 1, 1), "to 9999-12-31");
		refused(LocalDateTime.class, "+10000-01-01T00:00:00", "to 9999-12-31");
		refused(OffsetDateTime.class, "9999-12-31T23:00:00-05:00", "to 9999-12-31");
		refused(Instant.class, "+10000-01-01T00:00:00Z", "to 9999-12-31");
		refused(Instant.class, Instant.MAX, "to 9999-12-31");
		assertThat(convert(Instant.class, "9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
	}

	@Test
	void textIsNeverMadeFromOtherTypesAndNeverHoldsNul() {
		assertThat(convert(String.class, "it's")).isEqualTo("it's");
		refused(String.class, 42, "must be a string, not 42");
		refused(String.class, List.of("a"), "not an array");
		refused(String.class, Map.of("a", 1), "not an object");
		refused(String.class, "a\0b", "NUL character");
	}

	@Test
	void longValuesAreShortenedInMessages() {
		refused(Integer.class, "9".repeat(30) + "x".repeat(100), "...");
	}

}
