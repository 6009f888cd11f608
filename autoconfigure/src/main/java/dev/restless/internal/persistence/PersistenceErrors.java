package dev.restless.internal.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.PropertyValueException;
import org.hibernate.StaleStateException;
import org.hibernate.TransientPropertyValueException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Translates database failures into JSON:API errors whose detail helps the client and names no
 * SQL, table or constraint: unique and foreign-key violations are conflicts ({@code 409}),
 * not-null and check violations, text too long for its column and numbers out of its range are
 * unprocessable ({@code 422}), and a request that lost a race with another writer is a conflict
 * ({@code 409}) or, when it carried a precondition, a failed precondition ({@code 412}).
 * <p>
 * Faults of the database rather than of the request are {@code 503} with {@code Retry-After}, each
 * with its own {@code code}: a database that cannot be reached or a connection lost
 * ({@code database-unavailable}), a statement that timed out or was cancelled
 * ({@code database-timeout}), and a pool with no free connection ({@code server-busy}). They say
 * that nothing was written, which holds for every failure before the commit; a connection lost
 * during the commit is told apart by the caller, which alone knows when the commit started (see
 * {@link #outcomeUnknown()}).
 */
public final class PersistenceErrors {

	private static final Set<String> UNIQUE_STATES = Set.of("23505");

	private static final Set<Integer> MARIADB_UNIQUE = Set.of(1062, 1586);

	private static final Set<String> FOREIGN_KEY_STATES = Set.of("23503", "23506");

	private static final Set<Integer> MARIADB_FOREIGN_KEY = Set.of(1216, 1217, 1451, 1452);

	private static final Set<String> NOT_NULL_STATES = Set.of("23502");

	private static final Set<Integer> MARIADB_NOT_NULL = Set.of(1048, 1364);

	private static final Set<String> CHECK_STATES = Set.of("23513", "23514");

	private static final Set<Integer> MARIADB_CHECK = Set.of(3819, 4025);

	/** Serialization failures, deadlocks and lock timeouts: the request lost a race. */
	private static final Set<String> LOCK_STATES = Set.of("40001", "40P01", "55P03", "HYT00");

	private static final Set<Integer> MARIADB_LOCK = Set.of(1205, 1213);

	private static final Set<String> TOO_LONG_STATES = Set.of("22001");

	private static final Set<Integer> MARIADB_TOO_LONG = Set.of(1406);

	private static final Set<String> OUT_OF_RANGE_STATES = Set.of("22003");

	private static final Set<Integer> MARIADB_OUT_OF_RANGE = Set.of(1264);

	/**
	 * The server ended the session: PostgreSQL's admin shutdown, crash shutdown and "cannot connect
	 * now" (the other states of a lost connection are all of class {@code 08}).
	 */
	private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

	/** MariaDB: connection killed, server gone away, connection lost. */
	private static final Set<Integer> MARIADB_CONNECTION_LOST = Set.of(1927, 2006, 2013);

	/** H2: connection broken, database closed. */
	private static final Set<Integer> H2_CONNECTION_LOST = Set.of(90067, 90098, 90121);

	/** A statement cancelled, by its timeout or by an administrator (PostgreSQL and H2). */
	private static final Set<String> CANCELLED_STATES = Set.of("57014");

	/** MariaDB: query interrupted ({@code KILL QUERY}), {@code max_statement_time} exceeded. */
	private static final Set<Integer> MARIADB_CANCELLED = Set.of(1317, 1969, 3024);

	/** Seconds a client is asked to wait before it tries again, in {@code Retry-After}. */
	public static final String RETRY_AFTER_SECONDS = "2";

	private PersistenceErrors() {
	}

	/**
	 * Translate a failure, if it is one of the database failures a client can be told about.
	 * @param failure the exception
	 * @param deleting whether the failure happened while deleting (a foreign-key violation then
	 * means the resource is still referenced)
	 * @return the JSON:API error, or empty when the failure is unexpected
	 */
	public static Optional<JsonApiException> translate(Throwable failure, boolean deleting) {
		return translate(failure, deleting, false);
	}

	/**
	 * Translate a failure, if it is one of the database failures a client can be told about.
	 * @param failure the exception
	 * @param deleting whether the failure happened while deleting (a foreign-key violation then
	 * means the resource is still referenced)
	 * @param conditional whether the write carried a precondition (an {@code If-Match} header or an
	 * expected version): a version conflict found at flush is then the precondition failing
	 * ({@code 412}), otherwise a conflict ({@code 409})
	 * @return the JSON:API error, or empty when the failure is unexpected
	 */
	public static Optional<JsonApiException> translate(Throwable failure, boolean deleting, boolean conditional) {
		return translate(failure, deleting, conditional, ConstraintFields.NONE);
	}

	/**
	 * Translate a failure, if it is one of the database failures a client can be told about; a
	 * violated constraint that stores one field points at it.
	 * @param failure the exception
	 * @param deleting whether the failure happened while deleting (a foreign-key violation then
	 * means the resource is still referenced)
	 * @param conditional whether the write carried a precondition (a version conflict found at
	 * flush is then {@code 412}, otherwise {@code 409})
	 * @param fields the fields the columns and unique keys of the schema store
	 * @return the JSON:API error, or empty when the failure is unexpected
	 */
	public static Optional<JsonApiException> translate(Throwable failure, boolean deleting, boolean conditional,
			ConstraintFields fields) {
		Optional<JsonApiException> fault = fault(failure);
		if (fault.isPresent()) {
			return fault;
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof OptimisticLockException || cause instanceof OptimisticLockingFailureException
					|| cause instanceof StaleStateException) {
				// Another writer got past the version check first: the row no longer has the version
				// this request loaded.
				return Optional.of(conditional
						? error(412, "Precondition failed",
								"The resource was changed by another request while this one was processed; "
										+ "read it again and retry")
						: error(409, "Concurrent modification",
								"The resource was changed or deleted by another request; read it again and retry"));
			}
			if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
					|| cause instanceof LockAcquisitionException
					|| cause instanceof PessimisticLockingFailureException) {
				return Optional.of(lockConflict());
			}
			if (cause instanceof TransientPropertyValueException && deleting) {
				// An entity loaded with the deleted one (the owning side of a one-to-one mapped back
				// to it) still refers to it: Hibernate refuses at flush, before the database would.
				return Optional.of(foreignKey(true));
			}
			if (cause instanceof PropertyValueException property && !(cause instanceof TransientPropertyValueException)) {
				return Optional.of(notNull(fields.property(property.getEntityName(), property.getPropertyName())));
			}
			if (cause instanceof ConstraintViolationException violation) {
				String message = messageOf(violation);
				switch (violation.getKind()) {
					case UNIQUE:
						return Optional.of(unique(fields.unique(violation.getConstraintName(), message)));
					case FOREIGN_KEY:
						return Optional.of(foreignKey(deleting));
					case NOT_NULL:
						// Hibernate takes the column from the message as the constraint's name.
						return Optional.of(notNull(fields.column(violation.getConstraintName(), message)));
					case CHECK:
						return Optional.of(check());
					default:
						break;
				}
			}
			if (cause instanceof SQLException sql) {
				Optional<JsonApiException> translated = bySqlState(sql, deleting, fields);
				if (translated.isPresent()) {
					return translated;
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<JsonApiException> bySqlState(SQLException sql, boolean deleting, ConstraintFields fields) {
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		int code = sql.getErrorCode();
		String message = messageOf(sql);
		if (UNIQUE_STATES.contains(state) || MARIADB_UNIQUE.contains(code)) {
			return Optional.of(unique(fields.unique(null, message)));
		}
		if (FOREIGN_KEY_STATES.contains(state) || MARIADB_FOREIGN_KEY.contains(code)) {
			return Optional.of(foreignKey(deleting));
		}
		if (NOT_NULL_STATES.contains(state) || MARIADB_NOT_NULL.contains(code)) {
			return Optional.of(notNull(fields.column(null, message)));
		}
		if (CHECK_STATES.contains(state) || MARIADB_CHECK.contains(code)) {
			return Optional.of(check());
		}
		if (LOCK_STATES.contains(state) || MARIADB_LOCK.contains(code)) {
			return Optional.of(lockConflict());
		}
		if (TOO_LONG_STATES.contains(state) || MARIADB_TOO_LONG.contains(code)) {
			// PostgreSQL names the type, not the column: there the error points at nothing.
			String pointer = fields.column(null, message);
			return Optional.of((pointer != null)
					? atField(422, "Value too long", "The value of '%s' is longer than the resource can store", pointer)
					: error(422, "Value too long", "A value is longer than the resource can store"));
		}
		if (OUT_OF_RANGE_STATES.contains(state) || MARIADB_OUT_OF_RANGE.contains(code)) {
			String pointer = fields.column(null, message);
			return Optional.of((pointer != null)
					? atField(422, "Value out of range",
							"The value of '%s' is outside the range the resource can store", pointer)
					: error(422, "Value out of range", "A number is outside the range the resource can store"));
		}
		return Optional.empty();
	}

	/**
	 * Translate a failure if it is a fault of the database rather than of the request: a busy pool,
	 * a timeout or cancel, a connection lost or a database out of reach, each {@code 503}.
	 * @param failure the exception
	 * @return the error, or empty when the failure is no such fault
	 */
	public static Optional<JsonApiException> fault(Throwable failure) {
		// A timeout or a busy pool also shows up wrapped as a connection failure: they come first.
		if (isPoolExhausted(failure)) {
			return Optional.of(busy());
		}
		if (isTimeout(failure)) {
			return Optional.of(timedOut());
		}
		if (isConnectionLost(failure)) {
			return Optional.of(unavailable());
		}
		return Optional.empty();
	}

	/**
	 * Whether a failure is the loss of the database connection, or the database not being reachable
	 * at all: a connection failure, an administrator's or crash shutdown, a connection killed or a
	 * connection that is already closed. A commit that fails this way may or may not have happened.
	 * @param failure the exception
	 * @return whether the connection was lost
	 */
	public static boolean isConnectionLost(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				if (state.startsWith("08") || SHUTDOWN_STATES.contains(state)
						|| MARIADB_CONNECTION_LOST.contains(sql.getErrorCode())
						|| H2_CONNECTION_LOST.contains(sql.getErrorCode())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a statement timed out or was cancelled: the statement timeout that
	 * {@code restless.transaction-timeout} sets, an expired transaction, or a query an administrator
	 * cancelled. The transaction is then rolled back.
	 */
	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof jakarta.persistence.QueryTimeoutException
					|| cause instanceof org.hibernate.QueryTimeoutException || cause instanceof QueryTimeoutException
					|| cause instanceof SQLTimeoutException || cause instanceof TransactionTimedOutException) {
				return true;
			}
			if (cause instanceof org.hibernate.TransactionException && cause.getMessage() != null
					&& cause.getMessage().contains("timeout expired")) {
				// Hibernate refuses a statement once the transaction's time is up.
				return true;
			}
			if (cause instanceof SQLException sql
					&& (CANCELLED_STATES.contains(String.valueOf(sql.getSQLState()))
							|| MARIADB_CANCELLED.contains(sql.getErrorCode()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the connection pool had no free connection within its wait: HikariCP's timeout, which
	 * carries neither a state nor a cause while the database is up and every connection is in use.
	 * When connections cannot be made, it carries the failure to make one, or (before any attempt
	 * failed) counts no connection at all ({@code total=0}): the database is unreachable then, not
	 * busy.
	 */
	private static boolean isPoolExhausted(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			if (cause instanceof SQLTransientConnectionException pool && pool.getSQLState() == null
					&& pool.getCause() == null && pool.getMessage() != null && !pool.getMessage().contains("total=0,")) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Throwable next(Throwable cause) {
		return (cause.getCause() != cause) ? cause.getCause() : null;
	}

	/**
	 * {@code 503}: the database cannot be reached or the connection was lost before anything was
	 * committed.
	 * @return the error
	 */
	public static JsonApiException unavailable() {
		return fault(503, "database-unavailable", "Service unavailable",
				"The database cannot be reached or the connection to it was lost; nothing was written. "
						+ "Try again later");
	}

	/**
	 * {@code 503}: a statement ran out of time or was cancelled, and the transaction was rolled back.
	 * @return the error
	 */
	public static JsonApiException timedOut() {
		return fault(503, "database-timeout", "Service unavailable",
				"The database did not complete the request in time (a statement took too long, waited too long "
						+ "for a lock, or was cancelled); nothing was written. Try again later");
	}

	/**
	 * {@code 503}: every connection to the database is in use.
	 * @return the error
	 */
	public static JsonApiException busy() {
		return fault(503, "server-busy", "Service unavailable",
				"The server is busy: all its database connections are in use. Nothing was written; try again "
						+ "shortly");
	}

	/**
	 * {@code 504}: the connection to the database was lost while a change was being committed, so
	 * whether it was written is unknown. Gateway Timeout because Restless, like a gateway, waited for
	 * an answer from the server behind it (the database) that never came; unlike {@code 503}, it
	 * does not say that nothing happened, and it carries no {@code Retry-After}: repeating the
	 * request blindly could apply it twice.
	 * @return the error
	 */
	public static JsonApiException outcomeUnknown() {
		return new JsonApiException(ErrorObject.coded(504, "outcome-unknown", "Outcome unknown",
				"The connection to the database was lost while the change was being committed, so it may or may not "
						+ "have been written. Repeating the request is safe only with the same Idempotency-Key; "
						+ "without one, read the resource to find out"));
	}

	private static JsonApiException fault(int status, String code, String title, String detail) {
		return new JsonApiException(status, List.of(ErrorObject.coded(status, code, title, detail)),
				Map.of("Retry-After", RETRY_AFTER_SECONDS));
	}

	private static JsonApiException lockConflict() {
		return error(409, "Concurrent modification",
				"The resource is being changed by another request; read it again and retry");
	}

	private static JsonApiException unique(@Nullable String pointer) {
		return (pointer != null) ? atField(409, "Conflict", "Another resource already has this value of '%s'", pointer)
				: error(409, "Conflict", "A resource with the same unique value already exists");
	}

	private static JsonApiException foreignKey(boolean deleting) {
		return deleting
				? error(409, "Conflict", "The resource is still referenced by other resources; remove those references first")
				: error(409, "Conflict", "The resource refers to a related resource that does not exist");
	}

	private static JsonApiException notNull(@Nullable String pointer) {
		return (pointer != null) ? atField(422, "Missing value", "'%s' must have a value", pointer)
				: error(422, "Missing value", "A required attribute or relationship has no value");
	}

	/**
	 * An error at a field, whose name (the last segment of its pointer) fills the detail.
	 */
	private static JsonApiException atField(int status, String title, String detail, String pointer) {
		String field = pointer.substring(pointer.lastIndexOf('/') + 1);
		return new JsonApiException(ErrorObject.atPointer(status, title, detail.formatted(field), pointer));
	}

	/** The message of a failure (a JDBC driver's, which may name the column), never shown to clients. */
	private static @Nullable String messageOf(Throwable failure) {
		if (failure instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLException() != null) {
			return jdbc.getSQLException().getMessage();
		}
		return failure.getMessage();
	}

	private static JsonApiException check() {
		return error(422, "Invalid value", "A value does not satisfy the constraints of the resource");
	}

	private static JsonApiException error(int status, String title, String detail) {
		return new JsonApiException(ErrorObject.of(status, title, detail));
	}

}
