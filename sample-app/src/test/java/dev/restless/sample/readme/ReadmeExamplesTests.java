package dev.restless.sample.readme;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.restless.sample.SampleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every curl example of README.md, run as written against the sample application on H2, in the
 * order the README gives them: the status, the headers and the members of the document the README
 * shows must be what the sample answers. The examples of a section run in order on the data the
 * examples before them left; a section that follows one whose examples changed data starts on a
 * freshly started sample with its seed data, so that it reads the data the README describes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesTests {

	private static final String README_ROOT = "http://localhost:8080";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper mapper = JsonMapper.builder().build();

	private ConfigurableApplicationContext sample;

	private String root;

	private String section;

	private boolean dataChanged;

	@AfterAll
	void stopTheSample() {
		if (this.sample != null) {
			this.sample.close();
		}
	}

	@Test
	void theReadmeHasItsExamplesAndEachSaysWhatStatusItExpects() throws Exception {
		List<ReadmeExample> examples = ReadmeExamples.read(ReadmeExamples.locate());

		assertThat(examples).hasSizeGreaterThan(30);
		assertThat(examples).allSatisfy((example) -> assertThat(example.status())
			.as("%s gives no status: end it with '# NNN' or show 'HTTP/1.1 NNN' under it", example)
			.isNotNull());
	}

	@TestFactory
	Stream<DynamicTest> everyExampleAnswersWhatTheReadmeShows() throws Exception {
		List<ReadmeExample> examples = ReadmeExamples.read(ReadmeExamples.locate());
		return examples.stream().map((example) -> DynamicTest.dynamicTest(example.toString(), () -> run(example)));
	}

	private void run(ReadmeExample example) throws Exception {
		prepareFor(example);
		CurlCommand command = CurlCommand.parse(example.command().replace("localhost:8080", hostAndPort()));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(command.url()))
			.timeout(Duration.ofSeconds(30))
			.method(command.method(), (command.body() != null) ? HttpRequest.BodyPublishers.ofString(command.body())
					: HttpRequest.BodyPublishers.noBody());
		command.headers().forEach(request::header);
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (example.changesData()) {
			this.dataChanged = true;
		}
		assertThat(example.status()).as("%s gives no status", example).isNotNull();
		assertThat(response.statusCode()).as("status of %s, answered %s", example, response.body())
			.isEqualTo(example.status());
		Map<String, String> replacements = Map.of(README_ROOT, this.root);
		for (Map.Entry<String, String> header : example.headers().entrySet()) {
			String shown = header.getValue().replace(README_ROOT, this.root);
			String actual = response.headers().firstValue(header.getKey()).orElse(null);
			assertThat(actual).as("header %s of %s", header.getKey(), example).isNotNull();
			assertThat(ShownDocument.differences(this.mapper.getNodeFactory().stringNode(shown),
					this.mapper.getNodeFactory().stringNode(actual), Map.of()))
				.as("header %s of %s", header.getKey(), example)
				.isEmpty();
		}
		if (example.body() != null) {
			JsonNode shown;
			try {
				shown = ShownDocument.parse(example.body());
			}
			catch (RuntimeException ex) {
				fail("The document shown under " + example + " is not JSON, even with its ellipses left out: "
						+ ex.getMessage());
				return;
			}
			JsonNode actual = this.mapper.readTree(response.body());
			List<String> differences = ShownDocument.differences(shown, actual, replacements);
			assertThat(differences).as("%s answered %s", example, response.body()).isEmpty();
		}
	}

	/**
	 * Start the sample for the first example, and again, on fresh data, for the first example of a
	 * section that follows one that changed data.
	 */
	private void prepareFor(ReadmeExample example) {
		boolean newSection = !example.section().equals(this.section);
		if (this.sample == null || (newSection && this.dataChanged)) {
			if (this.sample != null) {
				this.sample.close();
			}
			this.sample = new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--spring.main.banner-mode=off");
			this.root = "http://" + hostAndPort();
			this.dataChanged = false;
		}
		this.section = example.section();
	}

	private String hostAndPort() {
		return "localhost:" + this.sample.getEnvironment().getProperty("local.server.port");
	}

	/** The URL as curl sends it with {@code -g}: characters a URI cannot hold are percent-encoded. */
	private static URI uri(String url) {
		StringBuilder encoded = new StringBuilder();
		for (char character : url.toCharArray()) {
			if ("[]{}|\"^` <>\\".indexOf(character) >= 0) {
				encoded.append('%').append(String.format("%02X", (int) character));
			}
			else {
				encoded.append(character);
			}
		}
		return URI.create(encoded.toString());
	}

	@Test
	void aCommandIsReadAsAShellAndCurlWouldReadIt() {
		CurlCommand command = CurlCommand.parse("curl -i -u ada:secret -X PATCH http://localhost:8080/api/people/1 \\\n"
				+ "  -H 'Content-Type: application/vnd.api+json' -H \"If-Match: \\\"people/1/0\\\"\" \\\n"
				+ "  -d '{\"data\": {\"type\": \"people\",\n \"id\": \"1\"}}'   # 200, only age changes");

		assertThat(command.method()).isEqualTo("PATCH");
		assertThat(command.url()).isEqualTo("http://localhost:8080/api/people/1");
		assertThat(command.headers()).containsEntry("Content-Type", "application/vnd.api+json")
			.containsEntry("If-Match", "\"people/1/0\"")
			.containsEntry("Authorization", "Basic YWRhOnNlY3JldA==");
		assertThat(command.body()).isEqualTo("{\"data\": {\"type\": \"people\",\n \"id\": \"1\"}}");
		assertThat(command.comment()).isEqualTo("200, only age changes");
		CurlCommand get = CurlCommand.parse("curl -G localhost:8080/api/people --data-urlencode 'filter[name]=Ada L'");
		assertThat(get.method()).isEqualTo("GET");
		assertThat(get.url()).isEqualTo("http://localhost:8080/api/people?filter[name]=Ada%20L");
		assertThat(get.body()).isNull();
	}

	@Test
	void anAbridgedDocumentMatchesAnswersThatHoldWhatItShows() {
		JsonNode shown = ShownDocument.parse(
				"{\"data\": [{\"type\": \"people\", \"id\": \"1\", \"attributes\": {\"name\": \"Ada\", ...}, …},\n"
						+ " {\"links\": {...}, \"self\": \"http://localhost:8080/api/people/…\"}], \"meta\": {\"total\": 2}}");
		JsonNode actual = this.mapper.readTree("{\"data\": [{\"type\": \"people\", \"id\": \"1\", \"attributes\": "
				+ "{\"name\": \"Ada\", \"age\": 36}}, {\"links\": {\"a\": 1}, \"self\": \"http://localhost:9/api/people/1\"}],"
				+ " \"meta\": {\"total\": 2.0}}");

		assertThat(ShownDocument.differences(shown, actual, Map.of("http://localhost:8080", "http://localhost:9")))
			.isEmpty();
		assertThat(ShownDocument.differences(shown, this.mapper.readTree("{\"data\": [], \"meta\": {\"total\": 3}}"),
				Map.of()))
			.hasSize(2);
	}

	@Test
	void theStatusComesFromTheStatusLineOrTheCommentAndTheAnswerFromTheLinesOrTheJsonBlockUnder() {
		List<ReadmeExample> examples = ReadmeExamples.parse(List.of("## Section", "```console",
				"$ curl -i http://localhost:8080/api/counters/1", "HTTP/1.1 200", "ETag: \"counters/1/0\"", "",
				"{\"data\": {\"id\": \"1\"}}", "$ curl -X DELETE http://localhost:8080/api/notes/1   # 428", "```",
				"", "```sh", "curl http://localhost:8080/api/people", "```", "", "```json", "{\"meta\": {}}", "```"));

		assertThat(examples).hasSize(3);
		assertThat(examples.get(0).status()).isEqualTo(200);
		assertThat(examples.get(0).headers()).containsEntry("ETag", "\"counters/1/0\"");
		assertThat(examples.get(0).body()).isEqualTo("{\"data\": {\"id\": \"1\"}}");
		assertThat(examples.get(1).status()).isEqualTo(428);
		assertThat(examples.get(2).status()).isNull();
		assertThat(examples.get(2).body()).isEqualTo("{\"meta\": {}}\n");
		assertThat(examples.get(2).section()).isEqualTo("Section");
	}

}
