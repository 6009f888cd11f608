package dev.restless.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the application over real HTTP, with the JSON:API media type by default. Every
 * response is checked to carry a JSON:API document (or no body) and, where the official schema is
 * available, validated against it.
 */
public final class JsonApiClient {

	public static final String JSON_API = "application/vnd.api+json";

	/** The JSON:API media type with the Atomic Operations extension. */
	public static final String ATOMIC = JSON_API + ";ext=\"https://jsonapi.org/ext/atomic\"";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String root;

	private final List<Consumer<ApiResponse>> checks = new ArrayList<>();

	/**
	 * Create a client.
	 * @param root the server root, such as {@code http://localhost:8080}
	 */
	public JsonApiClient(String root) {
		this.root = root;
	}

	/**
	 * Add a check run on every response.
	 * @param check the check
	 * @return this client
	 */
	public JsonApiClient checkingEach(Consumer<ApiResponse> check) {
		this.checks.add(check);
		return this;
	}

	/** @return the server root */
	public String root() {
		return this.root;
	}

	public ApiResponse get(String path) {
		return send(request(path).GET());
	}

	public ApiResponse post(String path, String json) {
		return send(request(path).header("Content-Type", JSON_API).POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * POST a document of undeclared length (sent chunked), as a client streaming it would.
	 * @param path the path under the server root
	 * @param json the document
	 * @return the response
	 */
	public ApiResponse postStreamed(String path, String json) {
		byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return send(request(path).header("Content-Type", JSON_API)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
	}

	public ApiResponse patch(String path, String json) {
		return send(request(path).header("Content-Type", JSON_API)
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	public ApiResponse delete(String path) {
		return send(request(path).DELETE());
	}

	/**
	 * Send a request built by the test (for unusual methods and headers).
	 * @param method the method
	 * @param path the path under the server root
	 * @param body the body, or {@code null}
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	public ApiResponse exchange(String method, String path, String body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.root + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		for (int index = 0; index < headers.length; index += 2) {
			builder.header(headers[index], headers[index + 1]);
		}
		return send(builder);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.root + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", JSON_API);
	}

	private ApiResponse send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode body = (text == null || text.isEmpty()) ? null : mapper.readTree(text);
			ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), (text != null) ? text : "",
					body, response.request().method(), response.request().uri());
			this.checks.forEach((check) -> check.accept(result));
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Escape nothing, just format: {@code json("{'a': 1}")} reads better than escaped quotes.
	 * @param singleQuoted JSON written with single quotes
	 * @return the JSON with double quotes
	 */
	public static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
