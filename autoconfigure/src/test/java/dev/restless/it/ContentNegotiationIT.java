package dev.restless.it;

import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content negotiation rules of JSON:API 1.1.
 */
class ContentNegotiationIT extends ApiIntegrationTest {

	private static final String BODY = json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}");

	private ApiResponse postWithContentType(String contentType) {
		return this.api.exchange("POST", "/api/people", BODY, "Content-Type", contentType, "Accept",
				"application/vnd.api+json");
	}

	private ApiResponse getWithAccept(String accept) {
		return this.api.exchange("GET", "/api/people", null, "Accept", accept);
	}

	@Test
	void everyResponseHasTheJsonApiMediaType() {
		ApiResponse response = this.api.get("/api/people");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("application/vnd.api+json");
		// Spring's CORS processing adds its own Vary header (Origin, ...) beside Restless's.
		assertThat(response.headers().allValues("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Accept"));
	}

	@Test
	void aBodyWithoutTheJsonApiMediaTypeIs415() {
		for (String contentType : new String[] { "application/json", "text/plain",
				"application/vnd.api+json; charset=utf-8", "application/vnd.api+json; version=1",
				"application/vnd.api+json; ext=\"https://example.com/ext/unknown\"" }) {
			ApiResponse response = postWithContentType(contentType);

			assertThat(response.status()).as(contentType).isEqualTo(415);
			assertThat(response.firstError().get("status").asString()).isEqualTo("415");
			assertThat(response.header("Content-Type")).isEqualTo("application/vnd.api+json");
		}
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void theProfileParameterIsAcceptedInContentType() {
		ApiResponse response = postWithContentType("application/vnd.api+json; profile=\"https://example.com/p\"");

		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

	@Test
	void anAcceptHeaderWithOnlyModifiedJsonApiMediaTypesIs406() {
		ApiResponse parameters = getWithAccept("application/vnd.api+json; charset=utf-8");
		ApiResponse extension = getWithAccept("application/vnd.api+json; ext=\"https://example.com/ext/unknown\"");
		ApiResponse other = getWithAccept("text/html");

		assertThat(parameters.status()).isEqualTo(406);
		assertThat(parameters.firstError().get("status").asString()).isEqualTo("406");
		assertThat(extension.status()).isEqualTo(406);
		assertThat(other.status()).isEqualTo(406);
	}

	@Test
	void acceptableMediaRangesAreServed() {
		assertThat(getWithAccept("*/*").status()).isEqualTo(200);
		assertThat(getWithAccept("application/*").status()).isEqualTo(200);
		assertThat(getWithAccept("application/vnd.api+json; charset=utf-8, application/vnd.api+json").status())
			.isEqualTo(200);
		assertThat(getWithAccept("application/vnd.api+json; profile=\"https://example.com/p\"").status())
			.isEqualTo(200);
		assertThat(this.api.exchange("GET", "/api/people", null).status()).isEqualTo(200);
	}

}
