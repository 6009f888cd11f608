package dev.restless.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.restless.it.app.Counter;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.internal.idempotency.IdempotencyKeys;
import dev.restless.internal.idempotency.IdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on every kind of write, on each database: a retry of the same request
 * gets the recorded response and runs nothing again, another request with the key is {@code 422},
 * a key in flight is {@code 409}, a failed request leaves its key free, and expired keys are
 * purged. Whether the write ran is told by the rows and by a postprocessor that counts its runs.
 */
class IdempotencyKeyIT extends ApiIntegrationTest {

	private static final String TABLE = "restless_idempotency_keys";

	private static final String COUNTER = "{'data': {'type': 'counters', 'attributes': {'name': 'hits', 'value': %d}}}";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private IdempotencyStore store;

	private final AtomicInteger writes = new AtomicInteger();

	@BeforeEach
	void countWrites() {
		TestProcessors.globalPostprocessing = (context) -> this.writes.incrementAndGet();
	}

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	private ApiResponse send(String method, String path, String body, String key) {
		if (path.equals("/api/operations")) {
			// Atomic results are not in the JSON:API schema the shared client checks documents with.
			return new JsonApiClient(this.api.root()).exchange(method, path, body, "Content-Type",
					JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC, "Idempotency-Key", key);
		}
		return this.api.exchange(method, path, body, "Content-Type", JsonApiClient.JSON_API, "Accept",
				JsonApiClient.JSON_API, "Idempotency-Key", key);
	}

	private static String newKey() {
		return "\"" + UUID.randomUUID() + "\"";
	}

	@Test
	void aRetriedCreationGetsTheRecordedResponseAndCreatesNothingMore() {
		String key = newKey();
		String body = json(COUNTER.formatted(1));

		ApiResponse first = send("POST", "/api/counters", body, key);
		ApiResponse retry = send("POST", "/api/counters", body, key);

		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
		assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
		assertThat(this.writes).hasValue(1);
	}

	@Test
	void aKeyWithoutQuotesIsTakenToo() {
		String body = json(COUNTER.formatted(1));

		send("POST", "/api/counters", body, "order-4711");
		ApiResponse retry = send("POST", "/api/counters", body, "order-4711");

		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
	}

	@Test
	void updatesDeletionsRelationshipWritesAndAtomicRequestsAreReplayedToo() {
		Counter counter = new Counter("hits", 1);
		this.fixtures.persist(counter);
		String path = "/api/counters/" + counter.getId();
		String patch = json("{'data': {'type': 'counters', 'id': '" + counter.getId()
				+ "', 'attributes': {'value': 2}}}");
		String patchKey = newKey();
		ApiResponse updated = send("PATCH", path, patch, patchKey);
		// Changed by another client in between: a replay still answers what the first request got.
		this.fixtures.update((entityManager) -> entityManager.find(Counter.class, counter.getId()).setValue(7));
		ApiResponse updateReplayed = send("PATCH", path, patch, patchKey);
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updateReplayed.status()).isEqualTo(200);
		assertThat(updateReplayed.body()).isEqualTo(updated.body());
		assertThat(updateReplayed.at("/data/attributes/value").asLong()).isEqualTo(2);

		String atomicKey = newKey();
		String operations = json("{'atomic:operations': ["
				+ "{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': 'a', 'value': 1}}},"
				+ "{'op': 'add', 'data': {'type': 'counters', 'attributes': {'name': 'b', 'value': 2}}}]}");
		ApiResponse atomic = send("POST", "/api/operations", operations, atomicKey);
		ApiResponse atomicReplayed = send("POST", "/api/operations", operations, atomicKey);
		assertThat(atomic.status()).as(atomic.text()).isEqualTo(200);
		assertThat(atomicReplayed.status()).isEqualTo(200);
		assertThat(atomicReplayed.header("Content-Type")).isEqualTo(JsonApiClient.ATOMIC);
		assertThat(atomicReplayed.body()).isEqualTo(atomic.body());
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(3);

		String person = send("POST", "/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"),
				newKey()).at("/data/id").asString();
		String computer = send("POST", "/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine'}}}"), newKey()).at("/data/id")
			.asString();
		String linkageKey = newKey();
		String linkage = json("{'data': {'type': 'people', 'id': '" + person + "'}}");
		String relationship = "/api/computers/" + computer + "/relationships/owner";
		assertThat(send("PATCH", relationship, linkage, linkageKey).status()).isEqualTo(204);
		ApiResponse linkageReplayed = send("PATCH", relationship, linkage, linkageKey);
		assertThat(linkageReplayed.status()).isEqualTo(204);
		assertThat(linkageReplayed.header("Idempotent-Replayed")).isEqualTo("true");

		String deleteKey = newKey();
		assertThat(send("DELETE", path, null, deleteKey).status()).isEqualTo(204);
		ApiResponse deleteReplayed = send("DELETE", path, null, deleteKey);
		assertThat(deleteReplayed.status()).as("a replay, not a 404 for the resource now gone").isEqualTo(204);
		assertThat(deleteReplayed.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(2);
		// PATCH, atomic (two operations), two POSTs, relationship, DELETE: each ran once.
		assertThat(this.writes).hasValue(7);
	}

	@Test
	void theSameKeyWithAnotherRequestIs422AndRunsNothing() {
		String key = newKey();
		send("POST", "/api/counters", json(COUNTER.formatted(1)), key);

		ApiResponse otherBody = send("POST", "/api/counters", json(COUNTER.formatted(2)), key);
		ApiResponse otherPath = send("POST", "/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"), key);

		for (ApiResponse response : List.of(otherBody, otherPath)) {
			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.firstError().at("/source/header").asString()).isEqualTo("Idempotency-Key");
			assertThat(response.firstError().get("detail").asString()).contains("another request");
		}
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
		assertThat(this.writes).hasValue(1);
	}

	@Test
	void aKeyInFlightIs409WithRetryAfterUntilItsClaimIsAbandoned() throws SQLException {
		String body = json(COUNTER.formatted(1));
		String fingerprint = IdempotencyKeys.fingerprint("POST", "/api/counters",
				body.getBytes(StandardCharsets.UTF_8));
		// Another instance holds the key, and is still working on it.
		insertClaim("held", fingerprint, System.currentTimeMillis());

		ApiResponse inFlight = send("POST", "/api/counters", body, "held");

		assertThat(inFlight.status()).as(inFlight.text()).isEqualTo(409);
		assertThat(inFlight.header("Retry-After")).isNotNull();
		assertThat(inFlight.firstError().get("code").asString()).isEqualTo("idempotency-key-in-use");
		assertThat(this.fixtures.count(Counter.class)).isZero();

		// An instance that died an hour ago holds it: a retry takes it over and runs.
		insertClaim("abandoned", fingerprint, System.currentTimeMillis() - 3_600_000);
		ApiResponse takenOver = send("POST", "/api/counters", body, "abandoned");
		assertThat(takenOver.status()).as(takenOver.text()).isEqualTo(201);
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
	}

	@Test
	void aRequestThatFailsLeavesItsKeyFreeSoTheCorrectedRequestRuns() throws SQLException {
		String key = newKey();
		String invalid = json("{'data': {'type': 'people', 'attributes': {'name': ''}}}");

		ApiResponse refused = send("POST", "/api/people", invalid, key);
		ApiResponse refusedAgain = send("POST", "/api/people", invalid, key);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refusedAgain.status()).isEqualTo(422);
		assertThat(refusedAgain.header("Idempotent-Replayed")).as("run again, not replayed").isNull();
		assertThat(rows()).isZero();
		ApiResponse corrected = send("POST", "/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"), key);
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void malformedKeysAre400AndRunNothing() {
		for (String key : List.of("\"\"", "\"" + "k".repeat(256) + "\"", "two words", "\"a\\\"b\"")) {
			ApiResponse response = send("POST", "/api/counters", json(COUNTER.formatted(1)), key);
			assertThat(response.status()).as(key).isEqualTo(400);
			assertThat(response.firstError().at("/source/header").asString()).isEqualTo("Idempotency-Key");
		}
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void readsIgnoreTheKey() {
		ApiResponse read = send("GET", "/api/counters", null, newKey());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void expiredKeysArePurgedAndNoLongerReplayed() throws SQLException {
		String body = json(COUNTER.formatted(1));
		send("POST", "/api/counters", body, "old");
		expire("old");

		ApiResponse afterExpiry = send("POST", "/api/counters", body, "old");
		assertThat(afterExpiry.status()).isEqualTo(201);
		assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(2);

		send("POST", "/api/counters", body, "kept");
		expire("old");
		assertThat(this.store.purgeExpired()).isEqualTo(1);
		assertThat(rows()).isEqualTo(1);
	}

	private void expire(String key) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement expire = connection
					.prepareStatement("update " + TABLE + " set expires_at = ? where idempotency_key = ?")) {
			expire.setLong(1, System.currentTimeMillis() - 1);
			expire.setString(2, key);
			expire.executeUpdate();
		}
	}

	private void insertClaim(String key, String fingerprint, long createdAt) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("insert into " + TABLE
						+ " (idempotency_key, fingerprint, claim_token, created_at, expires_at) values (?, ?, ?, ?, ?)")) {
			insert.setString(1, key);
			insert.setString(2, fingerprint);
			insert.setString(3, UUID.randomUUID().toString());
			insert.setLong(4, createdAt);
			insert.setLong(5, createdAt + 86_400_000);
			insert.executeUpdate();
		}
	}

	private long rows() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement count = connection.prepareStatement("select count(*) from " + TABLE);
				ResultSet result = count.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

}
