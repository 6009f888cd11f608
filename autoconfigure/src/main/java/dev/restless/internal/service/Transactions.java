package dev.restless.internal.service;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import dev.restless.ProcessingException;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.persistence.ConstraintFields;
import dev.restless.internal.persistence.PersistenceErrors;
import jakarta.persistence.EntityManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of requests: one read-only transaction per read, one transaction per write
 * (shared by its postprocessors, so one that throws leaves nothing committed), and the
 * translation of what the database refused into the client's error ({@code 409}, {@code 412},
 * {@code 422}, {@code 503}); anything else stays unexpected.
 * <p>
 * Every transaction is bounded by the configured timeout, which the JPA provider applies to each
 * statement as the time the transaction has left, so no request waits forever on a lock or a slow
 * statement. A write tells apart where it failed: before its commit began nothing was written
 * ({@code 503} when the connection was lost); a connection lost during the commit leaves the
 * outcome unknown ({@code 504}); a rollback that fails means the connection is gone and the
 * database discards the transaction ({@code 503}), whatever error the request was about to get.
 * The changes are flushed before the commit, so that the commit itself is the last step, and the
 * response of a request with an idempotency key is recorded in the same transaction.
 */
final class Transactions {

	private static final Log logger = LogFactory.getLog(Transactions.class);

	private final TransactionTemplate readTransaction;

	private final TransactionTemplate writeTransaction;

	private final EntityValidation validation;

	private final ConstraintFields fields;

	private final EntityManager entityManager;

	private final IdempotentWrites idempotentWrites;

	Transactions(PlatformTransactionManager transactionManager, EntityValidation validation, ConstraintFields fields,
			EntityManager entityManager, @Nullable Duration timeout, IdempotentWrites idempotentWrites) {
		this.readTransaction = new TransactionTemplate(transactionManager);
		this.readTransaction.setReadOnly(true);
		this.writeTransaction = new TransactionTemplate(transactionManager);
		int seconds = timeoutSeconds(timeout);
		this.readTransaction.setTimeout(seconds);
		this.writeTransaction.setTimeout(seconds);
		this.validation = validation;
		this.fields = fields;
		this.entityManager = entityManager;
		this.idempotentWrites = idempotentWrites;
	}

	/**
	 * The timeout of a transaction in whole seconds (what transaction managers take), rounded up;
	 * none when the duration is absent, zero or negative.
	 * @param timeout the timeout, or {@code null}
	 * @return the seconds, or {@link TransactionTemplate#TIMEOUT_DEFAULT}
	 */
	static int timeoutSeconds(@Nullable Duration timeout) {
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			return TransactionTemplate.TIMEOUT_DEFAULT;
		}
		long millis = timeout.toMillis();
		return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
	}

	/**
	 * Run a read in a read-only transaction.
	 * @param work the read
	 * @return its response
	 */
	JsonApiResponse read(Supplier<JsonApiResponse> work) {
		return translated(false, false, () -> inPhases(this.readTransaction, false, work));
	}

	/**
	 * Run a write and its postprocessors in one transaction.
	 * @param deleting whether the write deletes (for the meaning of foreign-key violations)
	 * @param conditional whether the write carries a precondition (a version conflict at flush is
	 * then {@code 412})
	 * @param work the write
	 * @return its response
	 */
	JsonApiResponse write(boolean deleting, boolean conditional, Supplier<JsonApiResponse> work) {
		return translated(deleting, conditional, () -> inPhases(this.writeTransaction, true, work));
	}

	/**
	 * Run a write in one transaction, leaving the translation of what the database refused to the
	 * caller; only the faults of the commit and of the rollback are answered here.
	 * @param work the write
	 * @return its response
	 */
	JsonApiResponse inWriteTransaction(Supplier<JsonApiResponse> work) {
		return inPhases(this.writeTransaction, true, work);
	}

	/**
	 * The client's error for a failure of a write, if it is one.
	 * @param failure the failure
	 * @param deleting whether the write deleted
	 * @param conditional whether it carried a precondition
	 * @return the error, or empty when the failure is unexpected
	 */
	Optional<JsonApiException> translate(RuntimeException failure, boolean deleting, boolean conditional) {
		return this.validation.flushValidationFailure(failure)
			.or(() -> databaseFailure(failure, deleting, conditional));
	}

	/**
	 * The client's error for what the database refused, if it is one; a constraint that stores
	 * one field points at it.
	 * @param failure the failure
	 * @param deleting whether the write deleted
	 * @param conditional whether it carried a precondition
	 * @return the error, or empty when the failure is unexpected
	 */
	Optional<JsonApiException> databaseFailure(Throwable failure, boolean deleting, boolean conditional) {
		return PersistenceErrors.translate(failure, deleting, conditional, this.fields);
	}

	/**
	 * Run work in a transaction, knowing whether a failure came from the work, from its rollback or
	 * from its commit.
	 */
	private JsonApiResponse inPhases(TransactionTemplate template, boolean writing, Supplier<JsonApiResponse> work) {
		Phase phase = new Phase();
		try {
			return template.execute((status) -> {
				try {
					JsonApiResponse response = work.get();
					if (writing) {
						this.entityManager.flush();
						this.idempotentWrites.recordInTransaction(response);
					}
					phase.committing = true;
					return response;
				}
				catch (RuntimeException ex) {
					phase.workFailure = ex;
					phase.rollbackOnly = status.isRollbackOnly();
					throw ex;
				}
			});
		}
		catch (RuntimeException ex) {
			if (phase.committing) {
				if (writing && PersistenceErrors.isConnectionLost(ex)) {
					logger.warn("The connection to the database was lost during a commit; its outcome is unknown: " + ex);
					throw PersistenceErrors.outcomeUnknown();
				}
				throw ex;
			}
			if (phase.workFailure != null && ex != phase.workFailure) {
				// The rollback failed, and replaced the work's own failure: the connection is gone, and
				// the database discards what the transaction did. Whatever the work was about to answer
				// (a 404 built from a query that failed half-way, say) is not the truth.
				logger.warn("The rollback failed after " + phase.workFailure + ": " + ex);
				throw PersistenceErrors.unavailable();
			}
			if (phase.rollbackOnly && ex instanceof JsonApiException json && json.status() == 404) {
				// The JPA provider met a database failure it did not throw, and the query that failed
				// answered nothing: a fault, not a missing resource.
				throw PersistenceErrors.unavailable();
			}
			throw ex;
		}
	}

	private JsonApiResponse translated(boolean deleting, boolean conditional, Supplier<JsonApiResponse> work) {
		try {
			return work.get();
		}
		catch (JsonApiException | ProcessingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw translate(ex, deleting, conditional).orElseThrow(() -> ex);
		}
	}

	/** Where a transaction is: running its work (and which failure ended it), or committing. */
	private static final class Phase {

		@Nullable RuntimeException workFailure;

		/** Whether the transaction was marked for rollback when the work failed. */
		boolean rollbackOnly;

		boolean committing;

	}

}
