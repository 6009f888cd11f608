package dev.restless.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.restless.Operation;
import dev.restless.ProcessingException;
import dev.restless.internal.document.AtomicDocuments;
import dev.restless.internal.document.AtomicOperation;
import dev.restless.internal.document.DocumentRenderer.RenderOptions;
import dev.restless.internal.document.OperationCode;
import dev.restless.internal.document.OperationTarget;
import dev.restless.internal.document.RequestDocuments;
import dev.restless.internal.document.RequestLinks;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.precondition.Precondition;
import dev.restless.internal.query.QueryParser;
import dev.restless.processing.PostprocessContext;
import dev.restless.processing.PreprocessContext;
import dev.restless.query.QueryParameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes the operations of an Atomic Operations request in order, in one transaction: each one
 * runs the write steps of the single-resource endpoints (enabled methods, processors, validation,
 * read-only fields, preconditions), and any failure rolls all of them back and is answered with
 * errors pointing into the failing operation.
 * <p>
 * Consecutive {@code add} operations are not flushed one by one, so their inserts reach the
 * database in JDBC batches. When the database refuses such a batch without telling which insert
 * failed, the request is run again with a flush after every operation, to name the operation at
 * fault; processors then run a second time.
 */
public final class AtomicOperationsExecutor {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final OperationRules rules;

	private final WriteSteps steps;

	private final ProcessorChain processors;

	private final Documents documents;

	private final RequestDocuments requestDocuments;

	private final Transactions transactions;

	private final AtomicDocuments atomicDocuments;

	private final int maxOperations;

	AtomicOperationsExecutor(OperationRules rules, WriteSteps steps, ProcessorChain processors, Documents documents,
			RequestDocuments requestDocuments, Transactions transactions, int maxOperations) {
		this.rules = rules;
		this.steps = steps;
		this.processors = processors;
		this.documents = documents;
		this.requestDocuments = requestDocuments;
		this.transactions = transactions;
		this.atomicDocuments = new AtomicDocuments();
		this.maxOperations = maxOperations;
	}

	/**
	 * {@code POST /operations}.
	 * @param body the request body
	 * @param request the request
	 * @return the response: {@code 200} with {@code atomic:results}, or {@code 204} when no result
	 * has data
	 */
	public JsonApiResponse execute(byte[] body, RequestContext request) {
		if (!request.parameters().isEmpty()) {
			throw JsonApiException.badParameter(request.parameters().keySet().iterator().next(),
					"The operations endpoint takes no query parameters");
		}
		RequestLinks urls = request.links();
		List<AtomicOperation> operations = this.atomicDocuments.operations(this.requestDocuments.parse(body),
				this.maxOperations, urls.api());
		try {
			return run(operations, urls, true);
		}
		catch (AmbiguousBatchFailure ex) {
			return run(operations, urls, false);
		}
	}

	private JsonApiResponse run(List<AtomicOperation> operations, RequestLinks urls, boolean batching) {
		try {
			return this.transactions.inWriteTransaction(() -> new Execution(operations, urls, batching).run());
		}
		catch (JsonApiException | AmbiguousBatchFailure ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// A failure at commit belongs to no single operation.
			throw this.transactions.databaseFailure(ex, false, false).orElseThrow(() -> ex);
		}
	}

	/** The state of one run of a request's operations. */
	private final class Execution {

		private final List<AtomicOperation> operations;

		private final RequestLinks urls;

		private final boolean batching;

		private final Map<String, String> localIds = new HashMap<>();

		private final ObjectNode[] results;

		/** Created resources not flushed yet (all of one run of consecutive adds). */
		private final List<Created> pending = new ArrayList<>();

		/** Whether the operation being performed carries a precondition. */
		private boolean conditional;

		Execution(List<AtomicOperation> operations, RequestLinks urls, boolean batching) {
			this.operations = operations;
			this.urls = urls;
			this.batching = batching;
			this.results = new ObjectNode[operations.size()];
		}

		JsonApiResponse run() {
			for (AtomicOperation operation : this.operations) {
				boolean creating = operation.code() == OperationCode.ADD && !operation.targetsRelationship();
				if (!creating) {
					flushPending();
				}
				this.conditional = false;
				try {
					perform(operation, creating);
				}
				catch (RuntimeException ex) {
					throw located(ex, operation, this.conditional, this.batching && !this.pending.isEmpty());
				}
				if (!this.batching) {
					flushPending();
				}
			}
			flushPending();
			return response();
		}

		private void perform(AtomicOperation operation, boolean creating) {
			if (creating) {
				add(operation);
			}
			else if (operation.targetsRelationship()) {
				changeRelationship(operation);
			}
			else if (operation.code() == OperationCode.UPDATE) {
				update(operation);
			}
			else {
				remove(operation);
			}
		}

		// ---- resources

		private void add(AtomicOperation operation) {
			ObjectNode data = resolveResourceObject((ObjectNode) operation.data(), false);
			String type = data.get("type").asString();
			OperationTarget target = operation.target();
			if (target != null && !target.type().equals(type)) {
				throw JsonApiException.conflict("/data/type", "Type '" + type + "' does not match the collection '"
						+ target.type() + "' the operation targets");
			}
			ResourceDescriptor resource = AtomicOperationsExecutor.this.rules
				.operationResource(type, "/data/type", Operation.POST_RESOURCE, operation.code().code())
				.resource();
			PreprocessContext pre = new PreprocessContext(Operation.POST_RESOURCE, type, null, null, query(resource),
					document(data));
			ObjectNode prepared = steps().preprocessResourceObject(resource, pre);
			Object entity = steps().create(resource, prepared);
			if (resource.keyOf(entity) == null) {
				// The id comes from the insert itself (identity columns): no batching possible.
				steps().flush();
			}
			JsonNode lid = operation.data().get("lid");
			if (lid != null && lid.isString()) {
				this.localIds.put(AtomicDocuments.key(type, lid.asString()), resource.idOf(entity));
			}
			this.pending.add(new Created(operation, resource, entity));
		}

		private void update(AtomicOperation operation) {
			ObjectNode data = resolveResourceObject((ObjectNode) operation.data(), true);
			String type = data.get("type").asString();
			String id = data.hasNonNull("id") ? data.get("id").asString() : null;
			OperationTarget target = operation.target();
			if (target != null) {
				if (!target.type().equals(type)) {
					throw JsonApiException.conflict("/data/type", "Type '" + type
							+ "' does not match the type '" + target.type() + "' the operation targets");
				}
				if (!targetId(target).equals(id)) {
					throw JsonApiException.conflict("/data/id", "The id of the resource object does not match the "
							+ "resource the operation targets");
				}
			}
			ResourceDescriptor resource = AtomicOperationsExecutor.this.rules
				.operationResource(type, "/data/type", Operation.PATCH_RESOURCE, operation.code().code())
				.resource();
			Precondition precondition = precondition(resource, operation, data);
			PreprocessContext pre = new PreprocessContext(Operation.PATCH_RESOURCE, type, null, id, query(resource),
					document(data));
			ObjectNode prepared = steps().preprocessResourceObject(resource, pre);
			RequestDocuments.checkId(prepared, pre.id(), "the resource the operation updates");
			Object entity = steps().update(resource, pre.id(), prepared, precondition);
			steps().flush();
			ObjectNode document = AtomicOperationsExecutor.this.documents.resource(resource, entity, options());
			document.putObject("links").put("self", this.urls.api().resource(type, resource.idOf(entity)));
			this.results[operation.index()] = result(AtomicOperationsExecutor.this.documents
				.postprocess(Operation.PATCH_RESOURCE, resource, null, pre.id(), List.of(entity), document)
				.document());
		}

		private void remove(AtomicOperation operation) {
			OperationTarget target = operation.target();
			ResourceDescriptor resource = AtomicOperationsExecutor.this.rules
				.operationResource(target.type(), target.pointer() + "/type", Operation.DELETE_RESOURCE,
						operation.code().code())
				.resource();
			Precondition precondition = precondition(resource, operation, null);
			PreprocessContext pre = new PreprocessContext(Operation.DELETE_RESOURCE, target.type(), null,
					targetId(target), null, null);
			steps().preprocess(pre);
			Object entity = steps().delete(resource, pre.id(), precondition);
			steps().flush();
			PostprocessContext post = new PostprocessContext(Operation.DELETE_RESOURCE, target.type(), null, pre.id(),
					List.of(entity), null);
			AtomicOperationsExecutor.this.processors.postprocess(post);
			this.results[operation.index()] = result(post.document());
		}

		// ---- relationships

		private void changeRelationship(AtomicOperation operation) {
			OperationTarget target = operation.target();
			Operation kind = switch (operation.code()) {
				case ADD -> Operation.POST_RELATIONSHIP;
				case UPDATE -> Operation.PATCH_RELATIONSHIP;
				case REMOVE -> Operation.DELETE_RELATIONSHIP;
			};
			OperationRules rules = AtomicOperationsExecutor.this.rules;
			Target allowed = rules.operationRelationship(
					rules.operationResource(target.type(), target.pointer() + "/type", kind, operation.code().code()),
					target.relationship(), target.pointer() + "/relationship");
			ResourceDescriptor resource = allowed.resource();
			RelationshipDescriptor relationship = allowed.relationship();
			Precondition precondition = precondition(resource, operation, null);
			ObjectNode document = nodes.objectNode();
			document.set("data", resolveLinkage(operation.data()));
			PreprocessContext pre = new PreprocessContext(kind, resource.type(), relationship.name(),
					targetId(target), null, document);
			steps().preprocess(pre);
			JsonNode linkage = (pre.document() != null) ? pre.document().get("data") : null;
			if (linkage == null) {
				throw JsonApiException.badDocument("/data", "The operation has no 'data'");
			}
			Object entity = steps().changeRelationship(resource, pre.id(), relationship, kind, linkage, precondition);
			steps().flush();
			PostprocessContext post = new PostprocessContext(kind, resource.type(), relationship.name(), pre.id(),
					List.of(entity), null);
			AtomicOperationsExecutor.this.processors.postprocess(post);
			this.results[operation.index()] = result(post.document());
		}

		// ---- shared steps

		/**
		 * What an operation expects of the version of the resource it changes: the operation's
		 * {@code meta.version}, or else its resource object's. {@code If-Match} cannot be given per
		 * operation, so a resource that requires it requires one of these instead (the one rule of
		 * preconditions, in the rules).
		 */
		private Precondition precondition(ResourceDescriptor resource, AtomicOperation operation,
				@Nullable ObjectNode data) {
			JsonNode version = Precondition.versionIn(operation.source());
			Precondition precondition = Precondition.NONE.withVersion(version, "/meta/version");
			if (version == null) {
				precondition = precondition.withVersion(Precondition.versionIn(data), "/data/meta/version");
			}
			this.conditional = precondition.isPresent();
			AtomicOperationsExecutor.this.rules.checkPrecondition(resource, precondition,
					(data != null) ? OperationRules.VersionCarriers.OPERATION_OR_RESOURCE_OBJECT
							: OperationRules.VersionCarriers.OPERATION);
			return precondition;
		}

		private String targetId(OperationTarget target) {
			if (target.id() != null) {
				return target.id();
			}
			return localId(target.type(), target.lid(), target.pointer() + "/lid");
		}

		private String localId(String type, String lid, String pointer) {
			String id = this.localIds.get(AtomicDocuments.key(type, lid));
			if (id == null) {
				throw JsonApiException.badDocument(pointer,
						"Local id '" + lid + "' of '" + type + "' is not assigned by an earlier 'add' operation");
			}
			return id;
		}

		/** A copy of a resource object with the local ids of its linkage (and its own) replaced. */
		private ObjectNode resolveResourceObject(ObjectNode data, boolean resolveOwnLid) {
			ObjectNode copy = data.deepCopy();
			if (resolveOwnLid && !copy.hasNonNull("id") && copy.hasNonNull("lid")) {
				copy.put("id", localId(copy.get("type").asString(), copy.get("lid").asString(), "/data/lid"));
				copy.remove("lid");
			}
			JsonNode relationships = copy.get("relationships");
			if (relationships != null && relationships.isObject()) {
				for (String name : relationships.propertyNames()) {
					JsonNode relationship = relationships.get(name);
					if (relationship.isObject() && relationship.has("data")) {
						((ObjectNode) relationship).set("data", resolveLinkage(relationship.get("data")));
					}
				}
			}
			return copy;
		}

		/** A copy of linkage (an identifier or an array of them) with local ids replaced by ids. */
		private @Nullable JsonNode resolveLinkage(@Nullable JsonNode linkage) {
			if (linkage == null) {
				return null;
			}
			if (linkage.isArray()) {
				ArrayNode copy = nodes.arrayNode();
				for (JsonNode identifier : linkage) {
					copy.add(resolveLinkage(identifier));
				}
				return copy;
			}
			if (linkage.isObject() && !linkage.hasNonNull("id") && linkage.hasNonNull("lid")
					&& linkage.get("type") != null && linkage.get("type").isString()) {
				ObjectNode copy = nodes.objectNode();
				copy.put("type", linkage.get("type").asString());
				copy.put("id", localId(linkage.get("type").asString(), linkage.get("lid").asString(), "/data"));
				return copy;
			}
			return linkage.deepCopy();
		}

		private ObjectNode document(ObjectNode data) {
			ObjectNode document = nodes.objectNode();
			document.set("data", data);
			return document;
		}

		private QueryParameters query(ResourceDescriptor resource) {
			// A result holds one resource object: nothing can be included.
			return QueryParser.defaults(resource).withInclude(List.of());
		}

		private WriteSteps steps() {
			return AtomicOperationsExecutor.this.steps;
		}

		private RenderOptions options() {
			return new RenderOptions(this.urls.api(), List.of(), Map.of());
		}

		/**
		 * Flush the resources created since the last flush and render their results, each group of
		 * consecutive resources of one type together (their linkage costs one statement per
		 * relationship, not one per resource).
		 */
		private void flushPending() {
			if (this.pending.isEmpty()) {
				return;
			}
			try {
				steps().flush();
			}
			catch (RuntimeException ex) {
				throw located(ex, this.pending.get(0).operation(), false, this.pending.size() > 1);
			}
			List<Created> created = List.copyOf(this.pending);
			this.pending.clear();
			int from = 0;
			while (from < created.size()) {
				ResourceDescriptor resource = created.get(from).resource();
				int to = from;
				List<Object> entities = new ArrayList<>();
				while (to < created.size() && created.get(to).resource().equals(resource)) {
					entities.add(created.get(to).entity());
					to++;
				}
				ArrayNode data = (ArrayNode) AtomicOperationsExecutor.this.documents
					.collection(resource, entities, options())
					.get("data");
				for (int index = from; index < to; index++) {
					Created one = created.get(index);
					try {
						this.results[one.operation().index()] = postprocessCreated(one, data.get(index - from));
					}
					catch (RuntimeException ex) {
						throw located(ex, one.operation(), false, false);
					}
				}
				from = to;
			}
		}

		private ObjectNode postprocessCreated(Created created, JsonNode data) {
			ResourceDescriptor resource = created.resource();
			String id = resource.idOf(created.entity());
			ObjectNode document = AtomicOperationsExecutor.this.documents.renderer().newDocument();
			document.set("data", data);
			document.putObject("links").put("self", this.urls.api().resource(resource.type(), id));
			return result(AtomicOperationsExecutor.this.documents
				.postprocess(Operation.POST_RESOURCE, resource, null, id, List.of(created.entity()), document)
				.document());
		}

		/** A result object: the data and meta of the document the postprocessors left. */
		private ObjectNode result(@Nullable ObjectNode document) {
			ObjectNode result = nodes.objectNode();
			if (document != null) {
				if (document.has("data")) {
					result.set("data", document.get("data"));
				}
				if (document.has("meta")) {
					result.set("meta", document.get("meta"));
				}
			}
			return result;
		}

		private JsonApiResponse response() {
			boolean anyData = false;
			for (ObjectNode result : this.results) {
				anyData |= result.has("data");
			}
			if (!anyData) {
				return JsonApiResponse.noContent();
			}
			ObjectNode document = AtomicOperationsExecutor.this.documents.renderer().newDocument();
			((ObjectNode) document.get("jsonapi")).putArray("ext").add(AtomicDocuments.EXTENSION);
			ArrayNode array = document.putArray("atomic:results");
			for (ObjectNode result : this.results) {
				array.add(result);
			}
			return JsonApiResponse.ok(document);
		}

		/**
		 * The error of a failed operation, its pointers moved under the operation's. A database
		 * failure that may belong to an earlier, unflushed operation makes the run start again
		 * without batching.
		 */
		private RuntimeException located(RuntimeException failure, AtomicOperation operation, boolean conditional,
				boolean ambiguous) {
			JsonApiException error;
			if (failure instanceof AmbiguousBatchFailure) {
				return failure;
			}
			else if (failure instanceof JsonApiException json) {
				error = json;
			}
			else if (failure instanceof ProcessingException processing) {
				error = new JsonApiException(ErrorObject.of(processing.status(), processing.title(),
						processing.detail()));
			}
			else {
				Optional<JsonApiException> translated = AtomicOperationsExecutor.this.transactions.databaseFailure(
						failure, operation.code() == OperationCode.REMOVE && !operation.targetsRelationship(),
						conditional);
				if (translated.isEmpty()) {
					return failure;
				}
				if (ambiguous) {
					return new AmbiguousBatchFailure();
				}
				error = translated.get();
			}
			List<ErrorObject> errors = error.errors()
				.stream()
				.map((object) -> object.withPointerPrefix(operation.pointer()))
				.toList();
			return new JsonApiException(error.status(), errors, error.headers());
		}

	}

	/**
	 * A resource an {@code add} operation created.
	 *
	 * @param operation the operation
	 * @param resource the resource
	 * @param entity the persisted entity
	 */
	private record Created(AtomicOperation operation, ResourceDescriptor resource, Object entity) {
	}

	/** The database refused a batch of inserts without telling which operation's. */
	private static final class AmbiguousBatchFailure extends RuntimeException {

		AmbiguousBatchFailure() {
			super("A batch of inserts failed", null, false, false);
		}

	}

}
