package dev.restless.it;

import java.io.IOException;
import java.net.ServerSocket;

import dev.restless.it.app.TestApplication;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import dev.restless.it.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application started on its own, with this run's database driver pointed at a port
 * nothing listens on: every request that needs the database is answered {@code 503}. It does not
 * share the context of the other integration tests, which keep their database.
 */
class DatabaseUnavailableIT {

	private static ConfigurableApplicationContext context;

	private static JsonApiClient api;

	@BeforeAll
	static void startWithoutDatabase() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		TestDatabase database = TestDatabase.current();
		String url = switch (database) {
			case H2 -> "jdbc:h2:tcp://127.0.0.1:" + closedPort + "/mem:gone";
			case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:" + closedPort + "/gone";
			case MARIADB -> "jdbc:mariadb://127.0.0.1:" + closedPort + "/gone";
		};
		String dialect = switch (database) {
			case H2 -> "org.hibernate.dialect.H2Dialect";
			case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
			case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
		};
		// Command-line arguments win over application.yml.
		context = new SpringApplicationBuilder(TestApplication.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.datasource.hikari.initialization-fail-timeout=-1",
				"--spring.datasource.hikari.connection-timeout=250", "--spring.jpa.hibernate.ddl-auto=none",
				"--spring.jpa.properties.hibernate.dialect=" + dialect,
				"--spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
				"--spring.jpa.properties.hibernate.query.mutation_strategy.global_temporary.create_tables=false");
		api = new JsonApiClient(OwnTestApplication.root(context)).checkingEach(JsonApiSchema::validate);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	private static void assertUnavailable(ApiResponse response) {
		assertThat(response.status()).as(response.text()).isEqualTo(503);
		assertThat(response.header("Content-Type")).startsWith(JsonApiClient.JSON_API);
		assertThat(response.firstError().get("status").asString()).isEqualTo("503");
		assertThat(response.firstError().get("title").asString()).isEqualTo("Service unavailable");
		assertThat(response.firstError().get("code").asString()).isEqualTo("database-unavailable");
		assertThat(response.header("Retry-After")).isNotNull();
		String detail = response.firstError().get("detail").asString().toLowerCase();
		assertThat(detail).contains("database").doesNotContain("jdbc").doesNotContain("127.0.0.1")
			.doesNotContain("exception").doesNotContain("select").doesNotContain("connection is not available");
	}

	@Test
	void readsAreAnswered503() {
		assertUnavailable(api.get("/api/people"));
		assertUnavailable(api.get("/api/counters/1"));
	}

	@Test
	void writesAreAnswered503() {
		assertUnavailable(api.post("/api/counters",
				json("{'data': {'type': 'counters', 'attributes': {'name': 'hits', 'value': 1}}}")));
		assertUnavailable(api.delete("/api/counters/1"));
	}

	@Test
	void atomicOperationsAreAnswered503() {
		String atomic = "application/vnd.api+json;ext=\"https://jsonapi.org/ext/atomic\"";
		ApiResponse response = api.exchange("POST", "/api/operations",
				json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'counters', 'attributes': {'value': 1}}}]}"),
				"Content-Type", atomic, "Accept", atomic);

		assertUnavailable(response);
	}

}
