package dev.restless.internal.idempotency;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredResponseTests {

	@Test
	void headersSurviveTheirStoredText() {
		StoredResponse response = new StoredResponse(201,
				Map.of("Location", "http://localhost/api/people/1", "ETag", "\"people/1/0\""), "{}");

		assertThat(StoredResponse.headersOf(response.headerLines())).isEqualTo(response.headers());
		assertThat(StoredResponse.headersOf(null)).isEmpty();
	}

}
