package dev.restless.it.secured;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.OwnTestApplication;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application secured by {@link SecuredApplication} and a test's own security filter
 * chain, started for the test class on a database of its own, and a client to call it.
 */
final class SecuredApi implements BeforeAllCallback, AfterAllCallback {

	private final String database;

	private final Class<?> chain;

	private ConfigurableApplicationContext context;

	private JsonApiClient client;

	/**
	 * @param database the name of the application's in-memory database
	 * @param chain the configuration of its security filter chain
	 */
	SecuredApi(String database, Class<?> chain) {
		this.database = database;
		this.chain = chain;
	}

	@Override
	public void beforeAll(ExtensionContext extension) {
		this.context = OwnTestApplication.start(this.database, new Class<?>[] { SecuredApplication.class, this.chain });
		this.client = new JsonApiClient(OwnTestApplication.root(this.context));
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * Send a request without credentials.
	 * @param method the method
	 * @param path the path
	 * @param body the body, or {@code null}
	 * @param headers more header names and values, alternating
	 * @return the response
	 */
	ApiResponse exchange(String method, String path, String body, String... headers) {
		return this.client.exchange(method, path, body, headers);
	}

	/**
	 * Send a JSON:API request with HTTP Basic credentials.
	 * @param user the user, whose password is {@link SecuredApplication#PASSWORD}
	 * @param method the method
	 * @param path the path
	 * @param body the document, or {@code null}
	 * @return the response
	 */
	ApiResponse as(String user, String method, String path, String body) {
		return exchange(method, path, body, "Accept", JsonApiClient.JSON_API, "Content-Type", JsonApiClient.JSON_API,
				"Authorization", basic(user, SecuredApplication.PASSWORD));
	}

	/**
	 * Send a JSON:API request without credentials.
	 * @param method the method
	 * @param path the path
	 * @param body the document, or {@code null}
	 * @return the response
	 */
	ApiResponse anonymous(String method, String path, String body) {
		return exchange(method, path, body, "Accept", JsonApiClient.JSON_API, "Content-Type", JsonApiClient.JSON_API);
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Assert that a request was refused with a JSON:API error document of one error.
	 * @param response the response
	 * @param status {@code 401} or {@code 403}
	 */
	static void assertRefused(ApiResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualTo(JsonApiClient.JSON_API);
		assertThat(response.body().at("/errors").size()).isEqualTo(1);
		assertThat(response.firstError().get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(response.firstError().get("title").asString())
			.isEqualTo((status == 401) ? "Unauthorized" : "Forbidden");
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("<html");
	}

}
