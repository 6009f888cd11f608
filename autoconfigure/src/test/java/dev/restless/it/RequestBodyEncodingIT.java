package dev.restless.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import dev.restless.it.app.Person;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are JSON in UTF-8, read as sent: anything else (another encoding, bytes that are
 * not UTF-8, text that is not Unicode, a compressed body) is refused with a JSON:API error and
 * changes nothing, on every database.
 */
class RequestBodyEncodingIT extends ApiIntegrationTest {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private Person ada;

	@BeforeEach
	void ada() {
		this.ada = new Person();
		this.ada.setName("Ada");
		this.fixtures.persist(this.ada);
	}

	private ApiResponse send(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.api.root() + path))
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", JsonApiClient.JSON_API)
			.header("Accept", JsonApiClient.JSON_API);
		for (int index = 0; index < headers.length; index += 2) {
			builder.setHeader(headers[index], headers[index + 1]);
		}
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode document = response.body().isEmpty() ? null : mapper.readTree(response.body());
			return new ApiResponse(response.statusCode(), response.headers(), response.body(), document);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode assertError(ApiResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith(JsonApiClient.JSON_API);
		JsonNode error = response.firstError();
		assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("detail").asString()).isNotBlank();
		return error;
	}

	private static byte[] bytes(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String part : parts) {
			out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
		}
		return out.toByteArray();
	}

	private String patch(String name) {
		return "{\"data\": {\"type\": \"people\", \"id\": \"" + this.ada.getId() + "\", \"attributes\": {\"name\": \""
				+ name + "\"}}}";
	}

	private void nothingChanged() {
		assertThat(this.fixtures.count(Person.class)).isOne();
		String name = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()).getName());
		assertThat(name).isEqualTo("Ada");
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedOverlongFormsIncluded() {
		String post = "{\"data\": {\"type\": \"people\", \"attributes\": {\"name\": \"";
		// C0 AF is an overlong '/', ED A0 80 an encoded surrogate, FF no UTF-8 byte at all
		for (String invalid : new String[] { "\u00c0\u00af", "\u00e0\u0080\u00af", "\u00ed\u00a0\u0080", "\u00ff" }) {
			assertError(send("POST", "/api/people", bytes(post, "Eve", invalid, "\"}}}")), 400);
			assertError(send("PATCH", "/api/people/" + this.ada.getId(), bytes(patch("Eve" + invalid))), 400);
		}
		nothingChanged();
	}

	@Test
	void aLoneSurrogateEscapedInAStringIsRefusedWithAPointer() {
		for (String escaped : new String[] { "\\ud800", "x\\udc00", "\\udc00\\ud800", "\\ud800x" }) {
			JsonNode error = assertError(send("PATCH", "/api/people/" + this.ada.getId(),
					patch(escaped).getBytes(StandardCharsets.UTF_8)), 400);
			assertThat(error.at("/source/pointer").asString()).isEqualTo("/data/attributes/name");
		}
		String escapedInAMemberName = "{\"data\": {\"type\": \"people\", \"attributes\": {\"name\": \"Eve\"},"
				+ " \"meta\": {\"\\udfff\": 1}}}";
		assertError(send("POST", "/api/people", escapedInAMemberName.getBytes(StandardCharsets.UTF_8)), 400);
		nothingChanged();

		ApiResponse paired = send("PATCH", "/api/people/" + this.ada.getId(),
				patch("Ada \\ud83d\\ude00").getBytes(StandardCharsets.UTF_8));
		assertThat(paired.status()).as(paired.text()).isEqualTo(200);
		assertThat(paired.at("/data/attributes/name").asString()).isEqualTo("Ada \ud83d\ude00");
	}

	@Test
	void utf16AndUtf32BodiesAreRefused() {
		for (String encoding : new String[] { "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE" }) {
			byte[] body = patch("Eve").getBytes(Charset.forName(encoding));

			assertError(send("PATCH", "/api/people/" + this.ada.getId(), body), 400);
		}
		nothingChanged();
		byte[] withUtf8Mark = bytes("\u00ef\u00bb\u00bf", patch("Bea"));
		assertThat(send("PATCH", "/api/people/" + this.ada.getId(), withUtf8Mark).status())
			.as("a UTF-8 byte order mark is ignored, as RFC 8259 allows")
			.isEqualTo(200);
	}

	@Test
	void aBodyWithAContentEncodingIs415WithAcceptEncodingAndChangesNothing() throws IOException {
		String post = "{\"data\": {\"type\": \"people\", \"attributes\": {\"name\": \"Eve\"}}}";
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
			gzip.write(post.getBytes(StandardCharsets.UTF_8));
		}

		ApiResponse gzipped = send("POST", "/api/people", compressed.toByteArray(), "Content-Encoding", "gzip");
		ApiResponse plainButLabelled = send("POST", "/api/people", post.getBytes(StandardCharsets.UTF_8),
				"Content-Encoding", "gzip");
		ApiResponse patched = send("PATCH", "/api/people/" + this.ada.getId(),
				patch("Eve").getBytes(StandardCharsets.UTF_8), "Content-Encoding", "identity, br");
		ApiResponse atomic = send("POST", "/api/operations",
				("{\"atomic:operations\": [{\"op\": \"add\", \"data\": " + post.substring(9, post.length() - 1) + "}]}")
					.getBytes(StandardCharsets.UTF_8),
				"Content-Encoding", "deflate", "Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);

		for (ApiResponse response : new ApiResponse[] { gzipped, plainButLabelled, patched, atomic }) {
			JsonNode error = assertError(response, 415);
			assertThat(error.at("/source/header").asString()).isEqualTo("Content-Encoding");
			assertThat(response.header("Accept-Encoding")).isEqualTo("identity");
		}
		nothingChanged();
		ApiResponse identity = send("POST", "/api/people", post.getBytes(StandardCharsets.UTF_8), "Content-Encoding",
				"identity");
		assertThat(identity.status()).as(identity.text()).isEqualTo(201);
	}

}
