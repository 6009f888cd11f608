package dev.restless.internal.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of idempotency keys, the only state the instances of an application share about
 * them. A request claims its key by inserting a row first, in a transaction of its own: the
 * primary key lets only one request on any instance have it, and others see it in flight. The
 * response is then written into that row in the transaction of the write itself, so it is
 * committed exactly when the write is; a request that fails releases its claim, unless its
 * response was committed. Each claim carries a token, so that a request whose claim was taken
 * over (after the in-flight timeout) cannot complete another's.
 * <p>
 * The statements are plain JDBC on the connection of the current JPA transaction, portable to
 * PostgreSQL, MariaDB and H2; times are milliseconds since the epoch.
 */
public final class IdempotencyStore {

	private static final Log logger = LogFactory.getLog(IdempotencyStore.class);

	/** How often a claim is tried again when the row it collided with went away meanwhile. */
	private static final int CLAIM_ATTEMPTS = 3;

	private final EntityManager entityManager;

	private final TransactionTemplate ownTransaction;

	private final IdempotencyTable table;

	private final Duration retention;

	private final Duration inFlightTimeout;

	private final Clock clock;

	/** Whether the table is still to be created (it could not be at start-up). */
	private volatile boolean tableToCreate;

	/**
	 * A store on a table.
	 * @param entityManager a shared entity manager, whose transaction's connection is used
	 * @param transactionManager the transaction manager of that entity manager
	 * @param table the table
	 * @param retention how long a key is kept after it was claimed
	 * @param inFlightTimeout how long a claim without a response may hold its key before another
	 * request may take it over
	 * @param transactionTimeout the timeout of the store's own transactions, or {@code null}
	 * @param clock the clock of the times stored
	 */
	public IdempotencyStore(EntityManager entityManager, PlatformTransactionManager transactionManager,
			IdempotencyTable table, Duration retention, Duration inFlightTimeout, @Nullable Duration transactionTimeout,
			Clock clock) {
		this.entityManager = entityManager;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		if (transactionTimeout != null && !transactionTimeout.isZero() && !transactionTimeout.isNegative()) {
			this.ownTransaction.setTimeout((int) Math.max(1, transactionTimeout.toSeconds()));
		}
		this.table = table;
		this.retention = retention;
		this.inFlightTimeout = inFlightTimeout;
		this.clock = clock;
	}

	/** @return the table */
	public IdempotencyTable table() {
		return this.table;
	}

	/**
	 * Create the table and its index unless they exist; when the database cannot be reached now
	 * (an application may start before its database), try again before the first claim.
	 */
	public void createTableNowOrOnFirstUse() {
		this.tableToCreate = true;
		try {
			createTable();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not create the idempotency table " + this.table.name()
					+ " at start-up; trying again on first use: " + ex);
		}
	}

	/**
	 * Create the table and its index unless they exist.
	 */
	public void createTable() {
		inOwnTransaction((connection) -> {
			for (String statement : this.table.createStatements(connection.getMetaData().getDatabaseProductName())) {
				try (PreparedStatement create = connection.prepareStatement(statement)) {
					create.execute();
				}
			}
			return null;
		});
		this.tableToCreate = false;
	}

	/**
	 * Claim a key for a request, in a transaction of its own: insert it as in flight, or, when a
	 * row has it already, answer that row. An expired row is deleted and the key claimed anew; so
	 * is a claim in flight for longer than the in-flight timeout.
	 * @param key the key
	 * @param fingerprint the request's fingerprint
	 * @return the claim, or the record of the request that holds the key
	 */
	public ClaimResult claim(String key, String fingerprint) {
		if (this.tableToCreate) {
			createTable();
		}
		RuntimeException collision = null;
		for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
			String token = UUID.randomUUID().toString();
			long now = this.clock.millis();
			try {
				inOwnTransaction((connection) -> update(connection, "insert into " + this.table.name()
						+ " (idempotency_key, fingerprint, claim_token, created_at, expires_at) values (?, ?, ?, ?, ?)",
						key, fingerprint, token, now, now + this.retention.toMillis()));
				return new Claim(key, token);
			}
			catch (RuntimeException ex) {
				// Most likely the primary key: look at the row. Without one, the insert failed for
				// another reason (or the row went away since: try again).
				collision = ex;
			}
			Optional<Row> existing = inOwnTransaction((connection) -> find(connection, key));
			if (existing.isEmpty()) {
				continue;
			}
			Row row = existing.get();
			if (row.expiresAt() <= now) {
				inOwnTransaction((connection) -> update(connection,
						"delete from " + this.table.name() + " where idempotency_key = ? and expires_at <= ?", key, now));
				continue;
			}
			if (row.record().response() == null && row.createdAt() + this.inFlightTimeout.toMillis() <= now) {
				// Abandoned (its instance died, or could not release it). Taking it over is safe: the
				// request that claimed it can no longer record a response under its token.
				release(new Claim(key, row.token()));
				continue;
			}
			return row.record();
		}
		throw java.util.Objects.requireNonNull(collision);
	}

	/**
	 * Record the response of a claimed key, in the current transaction: the write's own.
	 * @param claim the claim
	 * @param response the response
	 * @return whether the claim still held the key (otherwise it was taken over, and the write must
	 * not commit)
	 */
	public boolean complete(Claim claim, StoredResponse response) {
		int updated = this.entityManager.unwrap(Session.class)
			.doReturningWork((connection) -> update(connection, "update " + this.table.name()
					+ " set response_status = ?, response_headers = ?, response_body = ? "
					+ "where idempotency_key = ? and claim_token = ? and response_status is null",
					response.status(), response.headerLines(), response.body(), claim.key(), claim.token()));
		return updated == 1;
	}

	/**
	 * Release a claim whose request failed, in a transaction of its own, unless its response was
	 * committed: when the commit's outcome was unknown, this is what settles it for the retries.
	 * Should the transaction that records the response still be running, the row's lock makes this
	 * wait for it.
	 * @param claim the claim
	 */
	public void release(Claim claim) {
		inOwnTransaction((connection) -> update(connection, "delete from " + this.table.name()
				+ " where idempotency_key = ? and claim_token = ? and response_status is null", claim.key(),
				claim.token()));
	}

	/**
	 * Delete every expired key, in a transaction of its own.
	 * @return how many were deleted
	 */
	public int purgeExpired() {
		long now = this.clock.millis();
		return inOwnTransaction(
				(connection) -> update(connection, "delete from " + this.table.name() + " where expires_at <= ?", now));
	}

	private Optional<Row> find(Connection connection, String key) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("select fingerprint, claim_token, created_at, "
				+ "expires_at, response_status, response_headers, response_body from " + this.table.name()
				+ " where idempotency_key = ?")) {
			select.setString(1, key);
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					return Optional.empty();
				}
				int status = rows.getInt(5);
				StoredResponse response = rows.wasNull() ? null
						: new StoredResponse(status, StoredResponse.headersOf(rows.getString(6)), rows.getString(7));
				return Optional.of(new Row(new KeyRecord(rows.getString(1), response), rows.getString(2),
						rows.getLong(3), rows.getLong(4)));
			}
		}
	}

	private static int update(Connection connection, String sql, @Nullable Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int index = 0; index < parameters.length; index++) {
				Object parameter = parameters[index];
				if (parameter == null) {
					statement.setNull(index + 1, Types.VARCHAR);
				}
				else if (parameter instanceof Long number) {
					statement.setLong(index + 1, number);
				}
				else if (parameter instanceof Integer number) {
					statement.setInt(index + 1, number);
				}
				else {
					statement.setString(index + 1, parameter.toString());
				}
			}
			return statement.executeUpdate();
		}
	}

	private <T> T inOwnTransaction(Work<T> work) {
		return this.ownTransaction
			.execute((status) -> this.entityManager.unwrap(Session.class).doReturningWork(work::run));
	}

	/** JDBC work on the current transaction's connection. */
	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/**
	 * A row of the table.
	 *
	 * @param record what a request holding the key is told
	 * @param token the token of the claim
	 * @param createdAt when the key was claimed
	 * @param expiresAt when it expires
	 */
	private record Row(KeyRecord record, String token, long createdAt, long expiresAt) {
	}

}
