package dev.restless.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.restless.it.app.Counter;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.CommitFaults;
import dev.restless.it.support.Fixtures;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.OwnTestApplication;
import dev.restless.it.support.RequiresDatabase;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that retries with {@code Idempotency-Key} are safe: two instances of the application
 * on one PostgreSQL database, and concurrent clients that send every write to one instance and
 * retry it on the other, with the same key, whenever it fails, while commits of the writes fail in
 * turn after committing (outcome unknown) and instead of committing. At the end every write,
 * single or atomic, exists exactly once.
 */
@ExtendWith(RequiresDatabase.class)
@EnabledIfSystemProperty(named = "restless.test.database", matches = "postgresql")
class TwoInstanceRetriesIT {

	private static final int CLIENTS = 6;

	private static final int WRITES_PER_CLIENT = 6;

	private static final int MAX_ATTEMPTS = 30;

	/** Commits that fail at most: enough to strike most writes, few enough that every write ends. */
	private static final int FAULTS = 20;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() {
		for (int instance = 0; instance < 2; instance++) {
			instances.add(OwnTestApplication.startOnThisRunsDatabase(new Class<?>[] { CommitFaults.class },
					"--spring.datasource.hikari.maximum-pool-size=6"));
		}
	}

	@AfterAll
	static void stopBoth() {
		CommitFaults.set(CommitFaults.Mode.NONE, "counter");
		instances.forEach(ConfigurableApplicationContext::close);
		instances.clear();
	}

	@Test
	void concurrentClientsRetryingOnBothInstancesWithTheSameKeyWriteEverythingExactlyOnce() throws Exception {
		ConfigurableApplicationContext first = instances.get(0);
		Fixtures fixtures = new Fixtures(first.getBean(EntityManagerFactory.class), first.getBean(DataSource.class));
		fixtures.clean();
		// Atomic results are not in the JSON:API schema, so the documents are not checked against it.
		List<JsonApiClient> apis = instances.stream()
			.map((instance) -> new JsonApiClient(OwnTestApplication.root(instance)).checkingEach(
					(response) -> assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ")))
			.toList();
		Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
		Queue<String> replayed = new ConcurrentLinkedQueue<>();
		CommitFaults.set(CommitFaults.Mode.ROTATING, "counter", FAULTS);

		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<List<String>>> clients = new ArrayList<>();
		int faults;
		try {
			for (int client = 0; client < CLIENTS; client++) {
				clients.add(pool.submit(writer(client, apis, statuses, replayed)));
			}
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("all clients finished").isTrue();
			faults = CommitFaults.faultyCommits();
		}
		finally {
			pool.shutdownNow();
			CommitFaults.set(CommitFaults.Mode.NONE, "counter");
		}

		List<String> expected = new ArrayList<>();
		for (Future<List<String>> client : clients) {
			expected.addAll(client.get());
		}
		List<String> stored = fixtures.read((entityManager) -> entityManager
			.createQuery("select c.name from Counter c", String.class)
			.getResultList());
		Map<String, Long> copies = stored.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(copies.values()).as("no write stored twice").allMatch((count) -> count == 1);
		assertThat(copies.keySet()).as("every write stored").containsExactlyInAnyOrderElementsOf(expected);
		assertThat(fixtures.count(Counter.class)).isEqualTo(expected.size());
		// The faults did strike, both ways, and retries were answered from the table.
		assertThat(faults).isGreaterThanOrEqualTo(FAULTS);
		assertThat(statuses).contains(504);
		assertThat(replayed).isNotEmpty();
		assertThat(statuses).as("never a 500 or a 404").doesNotContain(500, 404);
	}

	/**
	 * A client making its writes one after the other: even ones create one counter, odd ones two
	 * with an atomic request. Each write has its own key and goes first to one instance, then to the
	 * other at every retry.
	 * @return the names the client wrote
	 */
	private static Callable<List<String>> writer(int client, List<JsonApiClient> apis, Queue<Integer> statuses,
			Queue<String> replayed) {
		return () -> {
			List<String> names = new ArrayList<>();
			for (int write = 0; write < WRITES_PER_CLIENT; write++) {
				String name = "c" + client + "-w" + write;
				boolean atomic = write % 2 == 1;
				String key = "\"" + UUID.randomUUID() + "\"";
				String path = atomic ? "/api/operations" : "/api/counters";
				String mediaType = atomic ? JsonApiClient.ATOMIC : JsonApiClient.JSON_API;
				String body = atomic
						? json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': '"
								+ name + "-a'}}}, {'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': '" + name
								+ "-b'}}}]}")
						: json("{'data': {'type': 'counters', 'attributes': {'name': '" + name + "'}}}");
				ApiResponse response = null;
				for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
					JsonApiClient api = apis.get((client + write + attempt) % 2);
					response = api.exchange("POST", path, body, "Content-Type", mediaType, "Accept", mediaType,
							"Idempotency-Key", key);
					statuses.add(response.status());
					if (response.status() < 300) {
						break;
					}
				}
				assertThat(response.status()).as("%s in %d attempts: %s", name, MAX_ATTEMPTS, response.text())
					.isEqualTo(atomic ? 200 : 201);
				if ("true".equals(response.header("Idempotent-Replayed"))) {
					replayed.add(name);
				}
				if (atomic) {
					names.add(name + "-a");
					names.add(name + "-b");
				}
				else {
					names.add(name);
				}
			}
			return names;
		};
	}

}
