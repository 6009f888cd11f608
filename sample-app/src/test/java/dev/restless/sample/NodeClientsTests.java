package dev.restless.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Node.js tests of {@code src/test/node/clients}, run against the sample application: kitsu,
 * a JSON:API client, through a whole life cycle, and Debian's Chromium (driven by
 * playwright-core) calling the API from a page of another origin, with and without CORS. Their
 * dependencies are installed with {@code npm ci} from the lock file; Node.js, npm and
 * {@code /usr/bin/chromium} must be on the machine ({@code .ci/run} installs them where they are
 * missing). A failing Node test fails this test, with the Node output in the build log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeClientsTests {

	private static final Path CLIENTS = Path.of("src", "test", "node", "clients");

	private ConfigurableApplicationContext withCors;

	private ConfigurableApplicationContext withoutCors;

	private int pagePort;

	@BeforeAll
	void installTheClientsAndStartTheSamples() throws Exception {
		run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
		this.pagePort = freePort();
		this.withCors = start("--sample.cors.allowed-origins=http://localhost:" + this.pagePort);
		this.withoutCors = start();
	}

	@AfterAll
	void stopTheSamples() {
		for (ConfigurableApplicationContext sample : new ConfigurableApplicationContext[] { this.withCors,
				this.withoutCors }) {
			if (sample != null) {
				sample.close();
			}
		}
	}

	@Test
	void kitsuCreatesReadsPagesUpdatesRelatesAndDeletes() throws Exception {
		int exit = run(List.of("node", "--test", "--test-reporter=spec", "kitsu.test.mjs"),
				Map.of("RESTLESS_API", api(this.withCors)), 300);

		assertThat(exit).as("exit code of the kitsu tests (their output is above)").isZero();
	}

	@Test
	void aPageOfAnotherOriginCallsTheApiInChromiumOnlyWithCors() throws Exception {
		assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (apt-get install chromium)").exists();

		int exit = run(List.of("node", "--test", "--test-reporter=spec", "cors.test.mjs"),
				Map.of("RESTLESS_API_WITH_CORS", api(this.withCors), "RESTLESS_API_WITHOUT_CORS",
						api(this.withoutCors), "RESTLESS_PAGE_PORT", Integer.toString(this.pagePort)),
				300);

		assertThat(exit).as("exit code of the browser tests (their output is above)").isZero();
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:mem:clients-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
	}

	private static String api(ConfigurableApplicationContext sample) {
		return "http://localhost:" + sample.getEnvironment().getProperty("local.server.port") + "/api";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Run a command in the clients' folder, its output going to this build's output. */
	private static int run(List<String> command, Map<String, String> environment, int timeoutSeconds)
			throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		Path log = Files.createTempFile("restless-node-", ".log");
		try {
			process.getInputStream().transferTo(Files.newOutputStream(log));
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(String.join(" ", command) + " took more than " + timeoutSeconds + " s");
			}
			System.out.println("$ " + String.join(" ", command));
			System.out.println(Files.readString(log, StandardCharsets.UTF_8));
			return process.exitValue();
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

}
