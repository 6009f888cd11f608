package dev.restless.it;

import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault of the database met outside Restless's own transactions, in a preprocessor of the
 * application that reads the database itself, is the 503 it would be inside them, not a 500.
 */
class DatabaseFaultInProcessorIT extends ApiIntegrationTest {

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	@Test
	void aLostConnectionInAPreprocessorIs503WithRetryAfter() {
		TestProcessors.globalPreprocessing = (context) -> {
			throw new DataAccessResourceFailureException("Unable to acquire JDBC Connection");
		};

		ApiResponse response = this.api.post("/api/counters",
				json("{'data': {'type': 'counters', 'attributes': {'name': 'hits', 'value': 1}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isNotNull();
		assertThat(response.firstError().get("code").asString()).isEqualTo("database-unavailable");
		assertThat(response.text()).doesNotContain("JDBC");
	}

}
