package dev.restless.internal.metamodel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdDescriptorTests {

	private final IdDescriptor loanKey = composite(LoanKey.class, "libraryCode", "bookNumber");

	@Test
	void aCompositeKeyIsItsComponentsJoinedByCommasInDeclarationOrder() {
		assertThat(this.loanKey.format(new LoanKey("LIB", 42))).isEqualTo("LIB,42");
		assertThat(this.loanKey.parse("LIB,42")).contains(new LoanKey("LIB", 42));
	}

	@Test
	void commasAndPercentSignsInsideAComponentAreEscapedAndRoundTrip() {
		LoanKey key = new LoanKey("A,B%2C%,", 7);

		String text = this.loanKey.format(key);

		assertThat(text).isEqualTo("A%2CB%252C%25%2C,7");
		assertThat(this.loanKey.parse(text)).contains(key);
	}

	@Test
	void textsThatAreNotExactlyOneKeyAreRefused() {
		for (String text : List.of("LIB", "LIB,42,1", "LIB,x", "LIB,042", "LIB,+42", "LIB, 42", "LIB,42 ", ",42",
				"LIB,", ",", "", "LIB%2c,42", "LIB%,42", "LIB%41,42", "LIB%2,42", "LIB%25%,42", "L\0B,42",
				"LIB,99999999999")) {
			assertThat(this.loanKey.parse(text)).as(text).isEmpty();
		}
	}

	@Test
	void componentsAreFormattedAsSimpleIdsOfTheirTypes() {
		IdDescriptor key = composite(MixedKey.class, "uuid", "day", "kind");
		UUID uuid = UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
		MixedKey value = new MixedKey(uuid, LocalDate.of(2024, 1, 31), Kind.SHORT);

		String text = key.format(value);

		assertThat(text).isEqualTo("1b4e28ba-2fa1-11d2-883f-0016d3cca427,2024-01-31,SHORT");
		assertThat(key.parse(text)).contains(value);
		assertThat(key.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427,2024-1-31,SHORT")).isEmpty();
		assertThat(key.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427,2024-01-31,short")).isEmpty();
		assertThat(key.parse("1b4e28ba-2fa1-11d2-883f-0016d3cca427,2024-01-31, SHORT")).isEmpty();
	}

	@Test
	void aRecordKeyIsCreatedWithItsCanonicalConstructor() {
		IdDescriptor key = composite(RecordKey.class, "code", "number");

		assertThat(key.parse("a%2Cb,3")).contains(new RecordKey("a,b", 3));
		assertThat(key.format(new RecordKey("a,b", 3))).isEqualTo("a%2Cb,3");
	}

	@Test
	void formattingAValueThatIsNoKeyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.loanKey.format("LIB,42"));
	}

	@Test
	void simpleKeysKeepTheirForm() {
		IdDescriptor key = new IdDescriptor("id", PropertyAccessor.of(LongHolder.class, "id", null), true, false);

		assertThat(key.composite()).isFalse();
		assertThat(key.format(7L)).isEqualTo("7");
		assertThat(key.parse("7")).contains(7L);
		assertThat(key.parse("07")).isEmpty();
		assertThat(key.parse("7,8")).isEmpty();
	}

	private static IdDescriptor composite(Class<?> keyClass, String... names) {
		List<IdComponent> components = new ArrayList<>();
		for (String name : names) {
			components.add(new IdComponent(name, "id." + name, PropertyAccessor.of(keyClass, name, null), null));
		}
		return new IdDescriptor("id", null, true, false, List.copyOf(components), keyClass);
	}

	static class LoanKey {

		private String libraryCode;

		private Integer bookNumber;

		LoanKey() {
		}

		LoanKey(String libraryCode, Integer bookNumber) {
			this.libraryCode = libraryCode;
			this.bookNumber = bookNumber;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LoanKey key && Objects.equals(this.libraryCode, key.libraryCode)
					&& Objects.equals(this.bookNumber, key.bookNumber);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.libraryCode, this.bookNumber);
		}

	}

	enum Kind {

		SHORT, LONG

	}

	static class MixedKey {

		private UUID uuid;

		private LocalDate day;

		private Kind kind;

		MixedKey() {
		}

		MixedKey(UUID uuid, LocalDate day, Kind kind) {
			this.uuid = uuid;
			this.day = day;
			this.kind = kind;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof MixedKey key && Objects.equals(this.uuid, key.uuid)
					&& Objects.equals(this.day, key.day) && this.kind == key.kind;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.uuid, this.day, this.kind);
		}

	}

	record RecordKey(String code, int number) {
	}

	static class LongHolder {

		private Long id;

	}

}
