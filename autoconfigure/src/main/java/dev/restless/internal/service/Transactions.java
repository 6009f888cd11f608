package dev.restless.internal.service;

import java.util.function.Supplier;

import dev.restless.ProcessingException;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.persistence.ConstraintFields;
import dev.restless.internal.persistence.PersistenceErrors;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions of requests: one read-only transaction per read, one transaction per write
 * (shared by its postprocessors, so one that throws leaves nothing committed), and the
 * translation of what the database refused into the client's error ({@code 409}, {@code 412},
 * {@code 422}, {@code 503}); anything else stays unexpected.
 */
final class Transactions {

	private final TransactionTemplate readTransaction;

	private final TransactionTemplate writeTransaction;

	private final EntityValidation validation;

	private final ConstraintFields fields;

	Transactions(PlatformTransactionManager transactionManager, EntityValidation validation,
			ConstraintFields fields) {
		this.readTransaction = new TransactionTemplate(transactionManager);
		this.readTransaction.setReadOnly(true);
		this.writeTransaction = new TransactionTemplate(transactionManager);
		this.validation = validation;
		this.fields = fields;
	}

	/**
	 * Run a read in a read-only transaction.
	 * @param work the read
	 * @return its response
	 */
	JsonApiResponse read(Supplier<JsonApiResponse> work) {
		return translated(false, false, () -> this.readTransaction.execute((status) -> work.get()));
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
		return translated(deleting, conditional, () -> this.writeTransaction.execute((status) -> work.get()));
	}

	/**
	 * Run work that opens its own transactions with the template of writes.
	 * @param <T> the result type
	 * @param work the work, given the template
	 * @return its result
	 */
	<T> T inWriteTransaction(Supplier<T> work) {
		return this.writeTransaction.execute((status) -> work.get());
	}

	/**
	 * The client's error for a failure of a write, if it is one.
	 * @param failure the failure
	 * @param deleting whether the write deleted
	 * @param conditional whether it carried a precondition
	 * @return the error, or empty when the failure is unexpected
	 */
	java.util.Optional<JsonApiException> translate(RuntimeException failure, boolean deleting, boolean conditional) {
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
	java.util.Optional<JsonApiException> databaseFailure(Throwable failure, boolean deleting, boolean conditional) {
		return PersistenceErrors.translate(failure, deleting, conditional, this.fields);
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

}
