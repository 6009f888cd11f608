package dev.restless.internal.metamodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueTypesTests {

	private enum Colour {

		RED, GREEN

	}

	@Test
	void typesAreDescribedInTheWordsOfJsonNeverByClassName() {
		assertThat(ValueTypes.describe(String.class)).isEqualTo("a string");
		assertThat(ValueTypes.describe(char.class)).isEqualTo("a string");
		assertThat(ValueTypes.describe(boolean.class)).isEqualTo("true or false");
		assertThat(ValueTypes.describe(Integer.class)).isEqualTo("an integer");
		assertThat(ValueTypes.describe(long.class)).isEqualTo("an integer");
		assertThat(ValueTypes.describe(BigInteger.class)).isEqualTo("an integer");
		assertThat(ValueTypes.describe(double.class)).isEqualTo("a number");
		assertThat(ValueTypes.describe(BigDecimal.class)).isEqualTo("a number");
		assertThat(ValueTypes.describe(Colour.class)).isEqualTo("one of [RED, GREEN]");
		assertThat(ValueTypes.describe(UUID.class)).isEqualTo("a UUID");
		assertThat(ValueTypes.describe(LocalDate.class)).isEqualTo("an ISO-8601 date such as 2024-01-31");
		assertThat(ValueTypes.describe(LocalDateTime.class))
			.isEqualTo("an ISO-8601 date-time such as 2024-01-31T10:15:30");
		assertThat(ValueTypes.describe(LocalTime.class)).isEqualTo("an ISO-8601 time such as 10:15:30");
		assertThat(ValueTypes.describe(Instant.class))
			.isEqualTo("an ISO-8601 date-time with offset such as 2024-01-31T10:15:30Z");
		assertThat(ValueTypes.describe(List.class)).isEqualTo("an array");
		assertThat(ValueTypes.describe(int[].class)).isEqualTo("an array");
		assertThat(ValueTypes.describe(Map.class)).isEqualTo("an object of the attribute's shape");
	}

	@Test
	void onlyWholeNumberTypesAreIntegral() {
		assertThat(ValueTypes.isIntegral(short.class)).isTrue();
		assertThat(ValueTypes.isIntegral(Byte.class)).isTrue();
		assertThat(ValueTypes.isIntegral(BigInteger.class)).isTrue();
		assertThat(ValueTypes.isIntegral(BigDecimal.class)).isFalse();
		assertThat(ValueTypes.isIntegral(float.class)).isFalse();
		assertThat(ValueTypes.isIntegral(String.class)).isFalse();
	}

	@Test
	void theTemporalRangeIsFromTheFirstGregorianDayTo9999InTheirOwnOffsetAndInUtc() {
		assertThat(TemporalRange.contains(LocalDate.of(1582, 10, 15))).isTrue();
		assertThat(TemporalRange.contains(LocalDate.of(9999, 12, 31))).isTrue();
		assertThat(TemporalRange.contains(LocalDate.of(0, 12, 31))).isFalse();
		assertThat(TemporalRange.contains(LocalDateTime.of(10000, 1, 1, 0, 0))).isFalse();
		assertThat(TemporalRange.contains(OffsetDateTime.of(9999, 12, 31, 20, 0, 0, 0, ZoneOffset.ofHours(-5))))
			.as("the year 10000 in UTC")
			.isFalse();
		assertThat(TemporalRange.contains(Instant.MAX)).isFalse();
		assertThat(TemporalRange.contains("not a date")).isTrue();
	}

	@Test
	void datesBeforeTheGregorianCalendarAreOutsideTheTemporalRange() {
		assertThat(TemporalRange.contains(LocalDate.of(1582, 10, 14))).isFalse();
		assertThat(TemporalRange.contains(LocalDate.of(1582, 10, 4))).isFalse();
		assertThat(TemporalRange.contains(LocalDate.of(1, 1, 1))).isFalse();
		assertThat(TemporalRange.contains(LocalDateTime.of(1582, 10, 14, 23, 59))).isFalse();
		assertThat(TemporalRange.contains(LocalDateTime.of(1582, 10, 15, 0, 0))).isTrue();
		assertThat(TemporalRange.contains(Instant.parse("1582-10-14T23:59:59Z"))).isFalse();
		assertThat(TemporalRange.contains(OffsetDateTime.of(1582, 10, 15, 1, 0, 0, 0, ZoneOffset.ofHours(2))))
			.as("1582-10-14 in UTC")
			.isFalse();
	}

}
