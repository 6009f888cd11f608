package dev.restless.internal.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import dev.restless.internal.error.JsonApiException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults of the database, told apart by what the drivers and the pool throw: each is a
 * {@code 503} with its own code and {@code Retry-After}, never left unexpected.
 */
class PersistenceErrorsFaultTests {

	private static JsonApiException translated(Throwable failure) {
		return PersistenceErrors.translate(failure, false).orElseThrow();
	}

	private static void assertFault(Throwable failure, String code) {
		JsonApiException error = translated(failure);
		assertThat(error.status()).isEqualTo(503);
		assertThat(error.errors().get(0).code()).isEqualTo(code);
		assertThat(error.headers()).containsEntry("Retry-After", PersistenceErrors.RETRY_AFTER_SECONDS);
	}

	@Test
	void anAdministratorsShutdownOfTheSessionIsAConnectionLost() {
		SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
		GenericJDBCException wrapped = new GenericJDBCException("could not execute statement", shutdown);

		assertFault(new JpaSystemException(wrapped), "database-unavailable");
		assertThat(PersistenceErrors.isConnectionLost(wrapped)).isTrue();
	}

	@Test
	void aClosedConnectionAndAnIoErrorAreConnectionsLost() {
		assertFault(new SQLException("This connection has been closed.", "08003"), "database-unavailable");
		assertFault(new SQLException("An I/O error occurred while sending to the backend.", "08006"),
				"database-unavailable");
	}

	@Test
	void aCancelledOrTimedOutStatementIsATimeout() {
		assertFault(new GenericJDBCException("x", new SQLException("canceling statement due to user request", "57014")),
				"database-timeout");
		assertFault(new SQLException("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969),
				"database-timeout");
		assertFault(new org.hibernate.TransactionException("transaction timeout expired"), "database-timeout");
		assertThat(PersistenceErrors.isConnectionLost(new SQLException("canceling statement", "57014"))).isFalse();
	}

	@Test
	void aPoolWithoutAFreeConnectionIsBusyWhileAPoolThatCannotConnectIsUnavailable() {
		SQLTransientConnectionException busy = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 500ms "
						+ "(total=4, active=4, idle=0, waiting=1)");
		SQLTransientConnectionException noneYet = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 500ms "
						+ "(total=0, active=0, idle=0, waiting=0)");
		SQLTransientConnectionException down = new SQLTransientConnectionException(
				"HikariPool-1 - Connection is not available, request timed out after 500ms", "08001",
				new SQLException("Connection refused", "08001"));

		assertFault(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", busy),
				"server-busy");
		assertFault(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", down),
				"database-unavailable");
		assertFault(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", noneYet),
				"database-unavailable");
	}

	@Test
	void anUnknownOutcomeIs504WithoutRetryAfter() {
		JsonApiException unknown = PersistenceErrors.outcomeUnknown();

		assertThat(unknown.status()).isEqualTo(504);
		assertThat(unknown.errors().get(0).code()).isEqualTo("outcome-unknown");
		assertThat(unknown.headers()).doesNotContainKey("Retry-After");
	}

	@Test
	void aConstraintViolationIsNoFault() {
		JsonApiException unique = translated(new SQLException("duplicate key", "23505"));

		assertThat(unique.status()).isEqualTo(409);
		assertThat(unique.errors().get(0).code()).isNull();
	}

}
