package dev.restless.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the container refuses itself, before or instead of the API's endpoints (a method it does
 * not serve, a body whose chunked framing is broken, bytes no request line may hold): under the
 * base path they are answered with JSON:API errors, like every other error of the API. Sent over
 * raw sockets, as no HTTP client sends them.
 */
class ContainerErrorsIT extends ApiIntegrationTest {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	/** A response as received: status line, headers and body. */
	private record RawResponse(String text) {

		int status() {
			return Integer.parseInt(this.text.substring(9, 12));
		}

		String head() {
			return this.text.substring(0, this.text.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
		}

		String header(String name) {
			for (String line : head().split("\r\n")) {
				if (line.startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
					return line.substring(name.length() + 1).trim();
				}
			}
			return null;
		}

		JsonNode body() {
			return mapper.readTree(this.text.substring(this.text.indexOf("\r\n\r\n") + 4));
		}

	}

	/**
	 * Send raw bytes and read the whole response (the connection is closed after it).
	 * @param requestLine the request line, without the protocol, as bytes in ISO-8859-1
	 * @param headersAndBody the header lines after {@code Host} and {@code Connection}, the empty
	 * line and the body, as sent
	 */
	private RawResponse exchange(String requestLine, String headersAndBody) throws IOException {
		URI root = URI.create(this.api.root());
		try (Socket socket = new Socket(root.getHost(), root.getPort())) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + " HTTP/1.1\r\nHost: " + root.getAuthority() + "\r\nAccept: "
					+ JsonApiClient.JSON_API + "\r\nConnection: close\r\n" + headersAndBody)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(received);
			return new RawResponse(received.toString(StandardCharsets.UTF_8));
		}
	}

	private static JsonNode assertJsonApiError(RawResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(response.text()).isEqualTo(JsonApiClient.JSON_API);
		JsonNode error = response.body().at("/errors/0");
		assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("detail").asString()).isNotBlank();
		assertThat(response.text()).doesNotContain("timestamp").doesNotContain("<html").doesNotContain("Exception");
		return error;
	}

	@Test
	void traceUnderTheBasePathIsAJsonApi405WithAllow() throws IOException {
		for (String path : new String[] { "/api/people", "/api/people/1", "/api/operations", "/api/nothing/here" }) {
			RawResponse response = exchange("TRACE " + path, "\r\n");

			assertJsonApiError(response, 405);
			assertThat(response.header("Allow")).as(path).isNotBlank().doesNotContain("trace");
		}
		RawResponse elsewhere = exchange("TRACE /elsewhere", "\r\n");
		assertThat(elsewhere.status()).isEqualTo(405);
		assertThat(elsewhere.text()).as("outside the API the application's error page answers")
			.doesNotContain("\"errors\"");
	}

	@Test
	void malformedChunkedFramingUnderTheBasePathIsAJsonApi400AndChangesNothing() throws IOException {
		String document = "{\"data\": {\"type\": \"people\", \"attributes\": {\"name\": \"Eve\"}}}";
		String head = "Content-Type: " + JsonApiClient.JSON_API + "\r\nTransfer-Encoding: chunked\r\n\r\n";

		for (String body : new String[] { "zz\r\n" + document + "\r\n0\r\n\r\n",
				Integer.toHexString(document.length()) + "\r\n" + document + "XX0\r\n\r\n",
				"-" + Integer.toHexString(document.length()) + "\r\n" + document + "\r\n0\r\n\r\n" }) {
			assertJsonApiError(exchange("POST /api/people", head + body), 400);
		}
		assertThat(this.fixtures.count(Person.class)).isZero();
	}

	@Test
	void rawBytesNoRequestLineMayHoldUnderTheBasePathAreJsonApi400s() throws IOException {
		for (String target : new String[] { "/api/people/\u0000", "/api/people/\u007f", "/api/people/\u00c3\u00a9",
				"/api/people/a b", "/api/\u0001people" }) {
			JsonNode error = assertJsonApiError(exchange("GET " + target, "\r\n"), 400);

			assertThat(error.get("title").asString()).isEqualTo("Invalid request URL");
		}
		RawResponse elsewhere = exchange("GET /elsewhere/\u0000", "\r\n");
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(elsewhere.text()).as("outside the API the container answers as usual")
			.doesNotContain(JsonApiClient.JSON_API);
	}

}
