package dev.restless.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a front-end team does with the sample's OpenAPI document: generate a TypeScript client with
 * openapi-typescript and openapi-fetch, compile it with {@code tsc --strict} and use it to create,
 * read with include, update and delete; and explore the API in Swagger UI, driven in Debian's
 * chromium by playwright-core. The npm project is {@code src/test/typescript}, copied to
 * {@code target/typescript} and installed there with {@code npm ci}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTests {

	private static final Path SOURCES = Path.of(System.getProperty("restless.sample.typescript", "src/test/typescript"));

	private static final Path WORK = Path.of(System.getProperty("restless.sample.typescript-work", "target/typescript"));

	@LocalServerPort
	private int port;

	@BeforeAll
	static void installTheNpmProject() throws Exception {
		try (Stream<Path> files = Files.list(SOURCES)) {
			Files.createDirectories(WORK);
			for (Path file : files.filter((path) -> !path.getFileName().toString().equals("node_modules")).toList()) {
				if (Files.isRegularFile(file)) {
					Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		assertThat(run(Map.of(), "npm", "ci", "--no-audit", "--no-fund")).isZero();
	}

	private Map<String, String> environment() {
		return Map.of("RESTLESS_SAMPLE_URL", "http://localhost:" + this.port, "SCREENSHOT_PATH",
				WORK.resolveSibling("swagger-ui.png").toAbsolutePath().toString());
	}

	@Test
	void aTypeScriptClientGeneratedFromTheDocumentCompilesStrictlyAndCreatesReadsUpdatesAndDeletes()
			throws Exception {
		assertThat(run(environment(), "npm", "run", "generate")).as("openapi-typescript").isZero();
		assertThat(Files.readString(WORK.resolve("generated/api.d.ts"))).contains("\"/api/people/{id}\"")
			.contains("\"computers.resource\"");
		assertThat(run(environment(), "npm", "run", "build")).as("tsc --strict").isZero();
		assertThat(run(environment(), "npm", "run", "client")).as("the client against the sample").isZero();
	}

	@Test
	void swaggerUiRunsARequestToTheApiInChromium() throws Exception {
		assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium)").exists();
		Path screenshot = WORK.resolveSibling("swagger-ui.png");
		Files.deleteIfExists(screenshot);
		assertThat(run(environment(), "npm", "run", "swagger-ui")).as("Swagger UI in chromium").isZero();
		assertThat(screenshot).isNotEmptyFile();
	}

	/** Run a command in the npm project, its output going to the test's output. */
	private static int run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(WORK.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("%s finished", String.join(" ", command)).isTrue();
		if (process.exitValue() != 0) {
			System.err.println(String.join(" ", command) + " failed:\n" + output);
		}
		return process.exitValue();
	}

}
