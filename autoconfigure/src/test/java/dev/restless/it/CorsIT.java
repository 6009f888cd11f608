package dev.restless.it;

import dev.restless.it.app.CorsConfiguration;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC's CORS configuration applies to Restless's endpoints: preflights are answered with
 * the CORS headers, actual requests (errors included) carry them, and other origins are refused.
 */
class CorsIT extends ApiIntegrationTest {

	private ApiResponse preflight(String path, String origin, String method) {
		return this.api.exchange("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", method,
				"Access-Control-Request-Headers", "content-type");
	}

	@Test
	void aPreflightFromAnAllowedOriginIsAnsweredWithTheCorsHeaders() {
		for (String path : new String[] { "/api/people", "/api/people/1", "/api/people/1/relationships/computers",
				"/api/operations", "/api" }) {
			ApiResponse preflight = preflight(path, CorsConfiguration.ALLOWED_ORIGIN, "PATCH");

			assertThat(preflight.status()).as(path).isEqualTo(200);
			assertThat(preflight.header("Access-Control-Allow-Origin")).as(path)
				.isEqualTo(CorsConfiguration.ALLOWED_ORIGIN);
			assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).contains("PATCH");
			assertThat(preflight.header("Access-Control-Allow-Headers")).as(path).containsIgnoringCase("content-type");
		}
	}

	@Test
	void aPreflightFromAnotherOriginIsRefusedWithAJsonApiError() {
		ApiResponse preflight = preflight("/api/people", "http://evil.example", "PATCH");
		ApiResponse request = this.api.exchange("GET", "/api/people", null, "Origin", "http://evil.example");

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		assertThat(preflight.firstError().get("title").asString()).isEqualTo("Cross-origin request refused");
		assertThat(request.status()).isEqualTo(403);
		assertThat(request.firstError().get("status").asString()).isEqualTo("403");
	}

	@Test
	void aPreflightForAMethodTheConfigurationDoesNotAllowIsRefused() {
		ApiResponse preflight = preflight("/api/people/1", CorsConfiguration.ALLOWED_ORIGIN, "PUT");

		assertThat(preflight.status()).isEqualTo(403);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void actualRequestsAndTheirErrorsCarryTheCorsHeaders() {
		ApiResponse page = this.api.exchange("GET", "/api/people", null, "Origin", CorsConfiguration.ALLOWED_ORIGIN);
		ApiResponse missing = this.api.exchange("GET", "/api/people/12345", null, "Origin",
				CorsConfiguration.ALLOWED_ORIGIN);
		ApiResponse unknown = this.api.exchange("GET", "/api/nothing", null, "Origin",
				CorsConfiguration.ALLOWED_ORIGIN);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Access-Control-Allow-Origin")).isEqualTo(CorsConfiguration.ALLOWED_ORIGIN);
		assertThat(page.header("Access-Control-Expose-Headers")).contains("Link");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo(CorsConfiguration.ALLOWED_ORIGIN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Access-Control-Allow-Origin")).isEqualTo(CorsConfiguration.ALLOWED_ORIGIN);
	}

	@Test
	void aPlainOptionsRequestStillListsTheMethodsOfTheResource() {
		ApiResponse options = this.api.exchange("OPTIONS", "/api/people", null);

		assertThat(options.status()).isEqualTo(204);
		assertThat(options.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
	}

}
