package dev.restless.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.restless.it.app.Counter;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.CommitFaults;
import dev.restless.it.support.Fixtures;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import dev.restless.it.support.RequiresDatabase;
import dev.restless.it.support.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into a running PostgreSQL, on this run's own database and without touching the
 * server: a request's backend terminated or its statement cancelled from a second connection while
 * it waits on a lock this test holds, a lock held longer than {@code restless.transaction-timeout},
 * a pool with no free connection, and commits whose outcome the application cannot know. For each:
 * the status, the error document and what the database holds.
 */
@ExtendWith(RequiresDatabase.class)
@EnabledIfSystemProperty(named = "restless.test.database", matches = "postgresql")
class DatabaseFaultsIT {

	/** What the application's connections call themselves, so that the test finds their backends. */
	private static final String APPLICATION_NAME = "restless-faults";

	private static final int POOL_SIZE = 4;

	private static ConfigurableApplicationContext context;

	private static JsonApiClient api;

	private static Fixtures fixtures;

	/** The test's own connection, outside the application's pool: it holds locks. */
	private Connection control;

	/** Another one, in autocommit, that watches and ends the application's backends. */
	private Connection monitor;

	@BeforeAll
	static void start() {
		context = OwnTestApplication.startOnThisRunsDatabase(new Class<?>[] { CommitFaults.class },
				"--restless.transaction-timeout=3s",
				"--spring.datasource.hikari.maximum-pool-size=" + POOL_SIZE,
				"--spring.datasource.hikari.connection-timeout=500",
				"--spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION_NAME);
		api = new JsonApiClient(OwnTestApplication.root(context)).checkingEach(JsonApiSchema::validate)
			.checkingEach((response) -> assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat "));
		fixtures = new Fixtures(context.getBean(EntityManagerFactory.class), context.getBean(DataSource.class));
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@BeforeEach
	void connect() throws SQLException {
		CommitFaults.set(CommitFaults.Mode.NONE, "counter");
		fixtures.clean();
		TestDatabase database = TestDatabase.current();
		this.control = DriverManager.getConnection(database.url(), database.username(), database.password());
		this.monitor = DriverManager.getConnection(database.url(), database.username(), database.password());
	}

	@AfterEach
	void disconnect() throws SQLException {
		CommitFaults.set(CommitFaults.Mode.NONE, "counter");
		this.control.close();
		this.monitor.close();
	}

	// ---- connection lost, statement cancelled, lock held too long

	@Test
	void aBackendTerminatedWhileAWriteWaitsOnALockIs503AndWritesNothing() throws Exception {
		Counter counter = counter(1);
		lockRow(counter);

		CompletableFuture<ApiResponse> patch = CompletableFuture.supplyAsync(() -> api.patch(path(counter), value(counter, 2)));
		terminate(waitingBackend());
		ApiResponse response = patch.get(30, TimeUnit.SECONDS);
		this.control.rollback();

		assertFault(response, 503, "database-unavailable");
		assertThat(response.firstError().get("detail").asString()).contains("nothing was written");
		assertThat(storedValue(counter)).isEqualTo(1);
	}

	@Test
	void aBackendTerminatedWhileAReadWaitsIs503NotA404ForARowThatExists() throws Exception {
		Counter counter = counter(1);
		this.control.setAutoCommit(false);
		try (Statement lock = this.control.createStatement()) {
			lock.execute("lock table counter in access exclusive mode");
		}

		CompletableFuture<ApiResponse> read = CompletableFuture.supplyAsync(() -> api.get(path(counter)));
		terminate(waitingBackend());
		ApiResponse response = read.get(30, TimeUnit.SECONDS);
		this.control.rollback();

		assertFault(response, 503, "database-unavailable");
		assertThat(api.get(path(counter)).status()).as("the application carries on").isEqualTo(200);
	}

	@Test
	void aStatementCancelledByAnAdministratorIs503AndWritesNothing() throws Exception {
		Counter counter = counter(1);
		lockRow(counter);

		CompletableFuture<ApiResponse> patch = CompletableFuture.supplyAsync(() -> api.patch(path(counter), value(counter, 2)));
		try (PreparedStatement cancel = this.monitor.prepareStatement("select pg_cancel_backend(?)")) {
			cancel.setInt(1, waitingBackend());
			cancel.execute();
		}
		ApiResponse response = patch.get(30, TimeUnit.SECONDS);
		this.control.rollback();

		assertFault(response, 503, "database-timeout");
		assertThat(storedValue(counter)).isEqualTo(1);
	}

	@Test
	void aLockHeldLongerThanTheTransactionTimeoutIs503AndFreesTheConnection() throws Exception {
		Counter counter = counter(1);
		lockRow(counter);

		// Nobody releases the lock: the request gives up on its own after the three seconds configured.
		ApiResponse response = api.patch(path(counter), value(counter, 2));
		this.control.rollback();

		assertFault(response, 503, "database-timeout");
		assertThat(storedValue(counter)).isEqualTo(1);
		assertThat(waiting()).as("no request is left waiting on the lock").isEmpty();
		assertThat(api.patch(path(counter), value(counter, 3)).status()).isEqualTo(200);
	}

	@Test
	void aPoolWithNoFreeConnectionIs503SayingTheServerIsBusy() throws Exception {
		DataSource pool = context.getBean(DataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			for (int index = 0; index < POOL_SIZE; index++) {
				held.add(pool.getConnection());
			}
			ApiResponse response = api.get("/api/people");

			assertFault(response, 503, "server-busy");
			assertThat(response.firstError().get("detail").asString()).contains("busy")
				.doesNotContain("cannot be reached");
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(api.get("/api/people").status()).isEqualTo(200);
	}

	@Test
	void aRetryWhileTheFirstRequestStillWaitsIs409AndThenGetsItsResponse() throws Exception {
		Counter counter = counter(1);
		String key = "\"" + UUID.randomUUID() + "\"";
		lockRow(counter);

		CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> keyedPatch(counter, 2, key));
		waitingBackend();
		ApiResponse whileInFlight = keyedPatch(counter, 2, key);
		this.control.rollback();
		ApiResponse firstResponse = first.get(30, TimeUnit.SECONDS);
		ApiResponse afterwards = keyedPatch(counter, 2, key);

		assertThat(whileInFlight.status()).as(whileInFlight.text()).isEqualTo(409);
		assertThat(whileInFlight.header("Retry-After")).isNotNull();
		assertThat(whileInFlight.firstError().get("code").asString()).isEqualTo("idempotency-key-in-use");
		assertThat(firstResponse.status()).as(firstResponse.text()).isEqualTo(200);
		assertThat(afterwards.status()).isEqualTo(200);
		assertThat(afterwards.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(afterwards.body()).isEqualTo(firstResponse.body());
		assertThat(storedValue(counter)).isEqualTo(2);
		Long version = fixtures.read((entityManager) -> entityManager.find(Counter.class, counter.getId()).getVersion());
		assertThat(version).as("written once").isEqualTo(1L);
	}

	// ---- commits whose outcome is unknown

	@Test
	void aCommitThatWentThroughButLostItsConnectionIs504OutcomeUnknown() {
		CommitFaults.set(CommitFaults.Mode.AFTER_COMMIT, "counter");

		ApiResponse response = api.post("/api/counters", counterDocument("committed"));

		assertThat(response.status()).as(response.text()).isEqualTo(504);
		assertThat(response.header("Retry-After")).as("a blind retry is not invited").isNull();
		assertThat(response.firstError().get("code").asString()).isEqualTo("outcome-unknown");
		assertThat(response.firstError().get("detail").asString()).contains("may or may not").contains("Idempotency-Key");
		assertThat(fixtures.count(Counter.class)).as("it was written after all").isEqualTo(1);
	}

	@Test
	void aCommitThatFailedIs504TooAndWroteNothing() {
		CommitFaults.set(CommitFaults.Mode.INSTEAD_OF_COMMIT, "counter");

		ApiResponse response = api.post("/api/counters", counterDocument("lost"));

		assertThat(response.status()).as(response.text()).isEqualTo(504);
		assertThat(fixtures.count(Counter.class)).isZero();
	}

	@Test
	void retryingAnUnknownOutcomeWithTheSameKeyGetsTheRecordedResponseAndWritesOnce() {
		ApiResponse retry = retriedAfterAFaultyCommit(CommitFaults.Mode.AFTER_COMMIT);

		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void retryingAFailedCommitWithTheSameKeyRunsTheWriteOnce() {
		ApiResponse retry = retriedAfterAFaultyCommit(CommitFaults.Mode.INSTEAD_OF_COMMIT);

		assertThat(retry.header("Idempotent-Replayed")).as("run, since nothing was recorded").isNull();
	}

	/** A creation whose commit fails as given, then its retry with the same key: it exists once. */
	private static ApiResponse retriedAfterAFaultyCommit(CommitFaults.Mode fault) {
		String key = "\"" + UUID.randomUUID() + "\"";
		CommitFaults.set(fault, "counter");
		ApiResponse unknown = keyed("/api/counters", counterDocument("once"), key, JsonApiClient.JSON_API);
		CommitFaults.set(CommitFaults.Mode.NONE, "counter");

		ApiResponse retry = keyed("/api/counters", counterDocument("once"), key, JsonApiClient.JSON_API);

		assertThat(unknown.status()).isEqualTo(504);
		assertThat(retry.status()).as(retry.text()).isEqualTo(201);
		assertThat(fixtures.count(Counter.class)).isEqualTo(1);
		return retry;
	}

	@Test
	void anAtomicRequestRetriedWithItsKeyAfterAnUnknownCommitLeavesItsAdditionsOnce() {
		String key = "\"" + UUID.randomUUID() + "\"";
		String operations = json("{'atomic:operations': ["
				+ "{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': 'a', 'value': 1}}},"
				+ "{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': 'b', 'value': 2}}},"
				+ "{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': 'c', 'value': 3}}}]}");
		CommitFaults.set(CommitFaults.Mode.AFTER_COMMIT, "counter");
		ApiResponse unknown = keyed("/api/operations", operations, key, JsonApiClient.ATOMIC);
		ApiResponse retry = keyed("/api/operations", operations, key, JsonApiClient.ATOMIC);

		assertThat(unknown.status()).as(unknown.text()).isEqualTo(504);
		assertThat(unknown.header("Content-Type")).isEqualTo(JsonApiClient.ATOMIC);
		assertThat(retry.status()).as(retry.text()).isEqualTo(200);
		assertThat(retry.at("/atomic:results").size()).isEqualTo(3);
		assertThat(fixtures.count(Counter.class)).isEqualTo(3);
	}

	// ---- helpers

	private static void assertFault(ApiResponse response, int status, String code) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith(JsonApiClient.JSON_API);
		assertThat(response.header("Retry-After")).isNotNull();
		assertThat(response.firstError().get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(response.firstError().get("code").asString()).isEqualTo(code);
		assertThat(response.firstError().get("detail").asString().toLowerCase()).doesNotContain("sql")
			.doesNotContain("counter")
			.doesNotContain("jdbc");
	}

	private static ApiResponse keyed(String path, String body, String key, String mediaType) {
		// Atomic results are not in the JSON:API schema the client checks documents with.
		JsonApiClient client = mediaType.equals(JsonApiClient.ATOMIC) ? new JsonApiClient(api.root()) : api;
		return client.exchange("POST", path, body, "Content-Type", mediaType, "Accept", mediaType, "Idempotency-Key",
				key);
	}

	private static ApiResponse keyedPatch(Counter counter, long value, String key) {
		return api.exchange("PATCH", path(counter), value(counter, value), "Content-Type", JsonApiClient.JSON_API,
				"Accept", JsonApiClient.JSON_API, "Idempotency-Key", key);
	}

	private static Counter counter(long value) {
		Counter counter = new Counter("hits", value);
		fixtures.persist(counter);
		return counter;
	}

	private static String path(Counter counter) {
		return "/api/counters/" + counter.getId();
	}

	private static String value(Counter counter, long value) {
		return json("{'data': {'type': 'counters', 'id': '" + counter.getId() + "', 'attributes': {'value': " + value
				+ "}}}");
	}

	private static String counterDocument(String name) {
		return json("{'data': {'type': 'counters', 'attributes': {'name': '" + name + "', 'value': 1}}}");
	}

	private static long storedValue(Counter counter) {
		return fixtures.read((entityManager) -> entityManager.find(Counter.class, counter.getId()).getValue());
	}

	private void lockRow(Counter counter) throws SQLException {
		this.control.setAutoCommit(false);
		try (PreparedStatement lock = this.control.prepareStatement("select id from counter where id = ? for update")) {
			lock.setLong(1, counter.getId());
			lock.executeQuery().close();
		}
	}

	/**
	 * The backend of the application's one request waiting on a lock, once it waits. Polled: the
	 * request is sent on another thread. Bounded well below the transaction timeout.
	 */
	private int waitingBackend() throws SQLException, InterruptedException {
		for (int attempt = 0; attempt < 200; attempt++) {
			List<Integer> waiting = waiting();
			if (!waiting.isEmpty()) {
				assertThat(waiting).as("one request waits on the lock").hasSize(1);
				return waiting.get(0);
			}
			Thread.sleep(10);
		}
		throw new AssertionError("No request of the application waited on the lock");
	}

	private List<Integer> waiting() throws SQLException {
		List<Integer> backends = new ArrayList<>();
		try (PreparedStatement query = this.monitor.prepareStatement("select pid from pg_stat_activity "
				+ "where application_name = ? and wait_event_type = 'Lock' and datname = current_database()")) {
			query.setString(1, APPLICATION_NAME);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					backends.add(rows.getInt(1));
				}
			}
		}
		return backends;
	}

	private void terminate(int backend) throws SQLException {
		try (PreparedStatement terminate = this.monitor.prepareStatement("select pg_terminate_backend(?)")) {
			terminate.setInt(1, backend);
			try (ResultSet result = terminate.executeQuery()) {
				result.next();
				assertThat(result.getBoolean(1)).as("backend terminated").isTrue();
			}
		}
	}

}
