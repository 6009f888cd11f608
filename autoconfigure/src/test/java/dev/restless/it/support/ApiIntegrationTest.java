package dev.restless.it.support;

import javax.sql.DataSource;

import dev.restless.it.app.TestApplication;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP integration tests: starts the test application on a random port against the
 * database of this run, empties it before each test and gives a JSON:API client. Every test class
 * shares one application context, so the schema is created once per run.
 */
@ExtendWith(RequiresDatabase.class)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private DataSource dataSource;

	protected JsonApiClient api;

	protected Fixtures fixtures;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.current().properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@BeforeEach
	void prepare() {
		this.fixtures = new Fixtures(this.entityManagerFactory, this.dataSource);
		this.fixtures.clean();
		this.api = new JsonApiClient("http://localhost:" + this.port).checkingEach(ApiIntegrationTest::isJsonApi)
			.checkingEach(JsonApiSchema::validate)
			.checkingEach(OpenApiResponses::validate);
		SqlStatementCounter.reset();
	}

	/** Every response with a body carries the JSON:API media type and never a stack trace. */
	private static void isJsonApi(ApiResponse response) {
		if (!response.text().isEmpty()) {
			assertThat(response.header("Content-Type")).as("Content-Type of %s", response)
				.startsWith(JsonApiClient.JSON_API);
			assertThat(response.text()).as("response body").doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	/**
	 * A client of the same server for requests a test builds itself: it checks only that each
	 * answer is one the OpenAPI document allows.
	 * @return the client
	 */
	protected JsonApiClient plainClient() {
		return new JsonApiClient(this.api.root()).checkingEach(OpenApiResponses::validate);
	}

	/** @return the database of this run */
	protected static TestDatabase database() {
		return TestDatabase.current();
	}

}
