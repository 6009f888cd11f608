package dev.restless.internal.service;

import java.time.Duration;
import java.util.Optional;

import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.document.RequestDocuments;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.idempotency.IdempotencyStore;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.ConstraintFields;
import dev.restless.internal.persistence.EntityWriter;
import dev.restless.internal.persistence.IncludeLoader;
import dev.restless.internal.persistence.PersistenceErrors;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.persistence.ResourceRepositories;
import dev.restless.internal.precondition.ResourceVersions;
import dev.restless.internal.query.CursorCodec;
import dev.restless.internal.query.QueryParser;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.transaction.PlatformTransactionManager;

/**
 * The service layer, free of HTTP: the one way in for every endpoint kind. The web layer asks
 * {@link #rules()} what a request may do, then hands the {@link Target} it got to
 * {@link #reads()}, {@link #writes()} or {@link #atomic()} (or asks {@link #index()} for the index
 * of the API); nothing else of Restless reaches the database.
 */
public final class JsonApiService {

	private final OperationRules rules;

	private final ResourceReads reads;

	private final ResourceWrites writes;

	private final AtomicOperationsExecutor atomic;

	private final IdempotentWrites idempotentWrites;

	private final ApiIndex index;

	/**
	 * Assemble the service.
	 * @param registry the exposed resources
	 * @param queryParser parses query parameters
	 * @param queries the read queries
	 * @param repositories the repositories of the resources
	 * @param writer applies request documents to entities
	 * @param renderer renders documents
	 * @param processors the pre- and postprocessors
	 * @param mapper the application's JSON mapper
	 * @param validator the Bean Validation validator, or {@code null}
	 * @param entityManager a shared entity manager
	 * @param transactionManager the transaction manager of the entities
	 * @param maxAtomicOperations the most operations one atomic request may carry
	 * @param constraintFields the fields the columns and unique keys of the schema store
	 * @param transactionTimeout the longest a request's transaction may take, or {@code null} for
	 * no limit
	 * @param idempotencyStore the table of idempotency keys, or {@code null} when they are switched
	 * off
	 * @param access who may do what, by the resources' access rules
	 * @param visibility the fields the caller may read
	 */
	public JsonApiService(ResourceRegistry registry, QueryParser queryParser, ResourceQueries queries,
			ResourceRepositories repositories, EntityWriter writer, DocumentRenderer renderer,
			ProcessorChain processors, ObjectMapper mapper, @Nullable Validator validator, EntityManager entityManager,
			PlatformTransactionManager transactionManager, int maxAtomicOperations,
			ConstraintFields constraintFields, @Nullable Duration transactionTimeout,
			@Nullable IdempotencyStore idempotencyStore, AccessControl access, FieldVisibility visibility) {
		this.rules = new OperationRules(registry, access, visibility);
		EntityValidation validation = new EntityValidation(registry, validator);
		this.idempotentWrites = new IdempotentWrites(idempotencyStore, mapper);
		Transactions transactions = new Transactions(transactionManager, validation, constraintFields, entityManager,
				transactionTimeout, this.idempotentWrites);
		EntityLoader loader = new EntityLoader(registry, queries, validation);
		ResourceVersions versions = new ResourceVersions(mapper);
		Documents documents = new Documents(new IncludeLoader(registry, queries, visibility), renderer, processors, versions,
				this.rules);
		RequestDocuments requestDocuments = new RequestDocuments(mapper);
		WriteSteps steps = new WriteSteps(queries, repositories, writer, processors, loader, validation, versions,
				entityManager, this.rules);
		this.reads = new ResourceReads(registry, this.rules, queryParser, queries, processors, loader, documents,
				transactions, new CursorCodec(mapper));
		this.writes = new ResourceWrites(registry, this.rules, queryParser, requestDocuments, steps, loader, processors,
				documents, transactions);
		this.atomic = new AtomicOperationsExecutor(this.rules, steps, processors, documents, requestDocuments,
				transactions, maxAtomicOperations);
		this.index = new ApiIndex(registry, renderer);
	}

	/**
	 * The client's error for a fault of the database met outside Restless's own transactions (in a
	 * processor of the application, say): {@code 503}, like the faults met inside them.
	 * @param failure the failure
	 * @return the error, or empty when the failure is no fault of the database
	 */
	public static Optional<JsonApiException> databaseFault(Throwable failure) {
		return PersistenceErrors.fault(failure);
	}

	/** @return the rules every request passes first */
	public OperationRules rules() {
		return this.rules;
	}

	/** @return the reads */
	public ResourceReads reads() {
		return this.reads;
	}

	/** @return the writes of single requests */
	public ResourceWrites writes() {
		return this.writes;
	}

	/** @return the writes made at most once with an idempotency key */
	public IdempotentWrites idempotentWrites() {
		return this.idempotentWrites;
	}

	/** @return the index of the API, served at its base path */
	public ApiIndex index() {
		return this.index;
	}

	/** @return the executor of atomic requests */
	public AtomicOperationsExecutor atomic() {
		return this.atomic;
	}

}
