package dev.restless.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running sample as a JSON:API client, anonymously or as one of its seeded users (whose
 * password is their name).
 */
final class SampleClient {

	static final String JSON_API = "application/vnd.api+json";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String root;

	SampleClient(int port) {
		this.root = "http://localhost:" + port;
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	Reply anonymous(String method, String path, String body) throws Exception {
		return send(request(method, path, body));
	}

	Reply as(String user, String method, String path, String body) throws Exception {
		return withPassword(user, user, method, path, body);
	}

	Reply withPassword(String user, String password, String method, String path, String body) throws Exception {
		return send(request(method, path, body).header("Authorization", basic(user, password)));
	}

	private HttpRequest.Builder request(String method, String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.root + path))
			.header("Accept", JSON_API)
			.header("Content-Type", JSON_API)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'))
					: HttpRequest.BodyPublishers.noBody());
	}

	private Reply send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		String text = response.body();
		return new Reply(response.statusCode(), response, text.isEmpty() ? null : mapper.readTree(text));
	}

	/**
	 * A response.
	 * @param status its status
	 * @param http the response itself, for headers
	 * @param body its document, or {@code null}
	 */
	record Reply(int status, HttpResponse<String> http, JsonNode body) {

		String header(String name) {
			return this.http.headers().firstValue(name).orElse(null);
		}

		JsonNode at(String pointer) {
			return this.body.at(pointer);
		}

		@Override
		public String toString() {
			return this.status + " " + this.http.body();
		}

	}

}
