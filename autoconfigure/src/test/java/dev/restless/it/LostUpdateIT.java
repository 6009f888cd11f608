package dev.restless.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.restless.it.app.Counter;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OpenApiResponses;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients increment one counter at once, each reading it and writing the value it read plus
 * one with {@code If-Match}, and reading again on {@code 412}. Without concurrency control some
 * increments would overwrite others; with it, the counter ends at the number of successful
 * writes. The loops are bounded; nothing here measures time.
 */
class LostUpdateIT extends ApiIntegrationTest {

	private static final int CLIENTS = 16;

	private static final int INCREMENTS_PER_CLIENT = 5;

	private static final int MAX_ATTEMPTS_PER_CLIENT = 500;

	@Test
	void concurrentConditionalIncrementsLoseNoUpdate() throws Exception {
		Counter counter = new Counter("shared", 0);
		this.fixtures.persist(counter);
		String path = "/api/counters/" + counter.getId();
		Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
		// Every client reads before any writes in the first round, so at least CLIENTS - 1 writes
		// are sure to meet a version that changed under them.
		CyclicBarrier firstRound = new CyclicBarrier(CLIENTS);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Integer>> clients = new ArrayList<>();
		try {
			for (int client = 0; client < CLIENTS; client++) {
				clients.add(pool.submit(incrementer(path, counter.getId(), firstRound, statuses)));
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("all clients finished").isTrue();
		}
		finally {
			pool.shutdownNow();
		}

		int successes = 0;
		for (Future<Integer> client : clients) {
			int done = client.get();
			assertThat(done).as("increments of one client within its attempts").isEqualTo(INCREMENTS_PER_CLIENT);
			successes += done;
		}
		assertThat(statuses).as("no response was a server error").allMatch((status) -> status < 500);
		assertThat(statuses).as("only reads, successful writes and failed preconditions")
			.allMatch((status) -> status == 200 || status == 412);
		assertThat(statuses.stream().filter((status) -> status == 412).count()).isGreaterThanOrEqualTo(CLIENTS - 1);
		long stored = this.fixtures.read((em) -> em.find(Counter.class, counter.getId()).getValue());
		assertThat(stored).isEqualTo(successes).isEqualTo(CLIENTS * INCREMENTS_PER_CLIENT);
		assertThat(this.api.get(path).at("/data/attributes/value").asLong()).isEqualTo(stored);
	}

	private Callable<Integer> incrementer(String path, long id, CyclicBarrier firstRound, Queue<Integer> statuses) {
		return () -> {
			JsonApiClient client = new JsonApiClient(this.api.root()).checkingEach(JsonApiSchema::validate)
				.checkingEach(OpenApiResponses::validate);
			int done = 0;
			boolean first = true;
			for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_CLIENT && done < INCREMENTS_PER_CLIENT; attempt++) {
				ApiResponse read = client.get(path);
				statuses.add(read.status());
				if (first) {
					firstRound.await(1, TimeUnit.MINUTES);
					first = false;
				}
				long value = read.at("/data/attributes/value").asLong();
				ApiResponse write = client.exchange("PATCH", path,
						json("{'data': {'type': 'counters', 'id': '%d', 'attributes': {'value': %d}}}".formatted(id,
								value + 1)),
						"Content-Type", JsonApiClient.JSON_API, "Accept", JsonApiClient.JSON_API, "If-Match",
						read.header("ETag"));
				statuses.add(write.status());
				if (write.status() == 200) {
					done++;
				}
				else if (write.status() != 412) {
					return done;
				}
			}
			return done;
		};
	}

}
