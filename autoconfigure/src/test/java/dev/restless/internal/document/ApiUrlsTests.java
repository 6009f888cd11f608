package dev.restless.internal.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiUrlsTests {

	@Test
	void aBaseWithATrailingSlashGivesTheSameUrlsAsOneWithout() {
		ApiUrls slashed = new ApiUrls("http://localhost/api/");
		ApiUrls plain = new ApiUrls("http://localhost/api");

		assertThat(slashed.resource("people", "1")).isEqualTo("http://localhost/api/people/1")
			.isEqualTo(plain.resource("people", "1"));
		assertThat(slashed.related("people", "1", "computers"))
			.isEqualTo("http://localhost/api/people/1/computers");
	}

	@Test
	void aBasePathOfSlashIsTheRoot() {
		assertThat(new ApiUrls("/").resource("people", "1")).isEqualTo("/people/1");
		assertThat(ApiUrls.withoutTrailingSlash("/")).isEmpty();
		assertThat(ApiUrls.withoutTrailingSlash("/shop")).isEqualTo("/shop");
	}

}
