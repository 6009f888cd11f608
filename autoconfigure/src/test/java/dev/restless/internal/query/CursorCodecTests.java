package dev.restless.internal.query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CursorCodecTests {

	private final CursorCodec codec = new CursorCodec(JsonMapper.builder().build());

	@Test
	void aCursorDecodesToTheValuesItWasMadeOfInTheKeyTypes() {
		String cursor = this.codec.encode(List.of("Ada", LocalDate.of(1815, 12, 10), 42L));

		assertThat(cursor).doesNotContain("Ada").matches("[A-Za-z0-9_-]+");
		assertThat(this.codec.decode(cursor, List.of(String.class, LocalDate.class, Long.class)))
			.hasValue(List.of("Ada", LocalDate.of(1815, 12, 10), 42L));
	}

	@Test
	void aCursorForOtherKeysOrGarbageDoesNotDecode() {
		String cursor = this.codec.encode(List.of("Ada", 42L));

		assertThat(this.codec.decode(cursor, List.of(Long.class))).isEmpty();
		assertThat(this.codec.decode(cursor, List.of(Long.class, Long.class))).isEmpty();
		assertThat(this.codec.decode("not base64 at all!", List.of(Long.class))).isEmpty();
		String notJson = Base64.getUrlEncoder().encodeToString("{oops".getBytes());
		assertThat(this.codec.decode(notJson, List.of(Long.class))).isEmpty();
		String withNull = Base64.getUrlEncoder().encodeToString("[null]".getBytes());
		assertThat(this.codec.decode(withNull, List.of(Long.class))).isEmpty();
	}

	@Test
	void aSortKeyThatWasNullDecodesToNullButANullIdDoesNotDecode() {
		String cursor = this.codec.encode(Arrays.asList(null, "Ada", 42L));

		assertThat(this.codec.decode(cursor, List.of(String.class, String.class, Long.class)))
			.hasValue(Arrays.asList(null, "Ada", 42L));
		String nullId = this.codec.encode(Arrays.asList("Ada", null));
		assertThat(this.codec.decode(nullId, List.of(String.class, Long.class))).isEmpty();
	}

}
