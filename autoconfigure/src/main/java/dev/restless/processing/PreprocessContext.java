package dev.restless.processing;

import dev.restless.Operation;
import dev.restless.query.QueryParameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Preprocessor} sees of a request, and may change: the resource id, the id of a
 * related resource, the parsed query and the request document.
 */
public final class PreprocessContext {

	private final Operation operation;

	private final String collection;

	private final @Nullable String relation;

	private @Nullable String id;

	private @Nullable String relatedId;

	private @Nullable QueryParameters query;

	private @Nullable ObjectNode document;

	/**
	 * Create a context.
	 * @param operation the operation
	 * @param collection the collection name
	 * @param relation the relationship name, or {@code null}
	 * @param id the resource id from the URL, or {@code null}
	 * @param query the parsed query, or {@code null} for operations without one
	 * @param document the request document, or {@code null} for requests without a body
	 */
	public PreprocessContext(Operation operation, String collection, @Nullable String relation, @Nullable String id,
			@Nullable QueryParameters query, @Nullable ObjectNode document) {
		this(operation, collection, relation, id, null, query, document);
	}

	/**
	 * Create a context for a request that addresses a related resource by its id.
	 * @param operation the operation
	 * @param collection the collection name
	 * @param relation the relationship name, or {@code null}
	 * @param id the resource id from the URL, or {@code null}
	 * @param relatedId the id of the related resource from the URL ({@code GET_RELATED_RESOURCE}),
	 * or {@code null}
	 * @param query the parsed query, or {@code null} for operations without one
	 * @param document the request document, or {@code null} for requests without a body
	 */
	public PreprocessContext(Operation operation, String collection, @Nullable String relation, @Nullable String id,
			@Nullable String relatedId, @Nullable QueryParameters query, @Nullable ObjectNode document) {
		this.operation = operation;
		this.relatedId = relatedId;
		this.collection = collection;
		this.relation = relation;
		this.id = id;
		this.query = query;
		this.document = document;
	}

	/** @return the operation */
	public Operation operation() {
		return this.operation;
	}

	/** @return the collection name */
	public String collection() {
		return this.collection;
	}

	/** @return the relationship name for relationship operations, otherwise {@code null} */
	public @Nullable String relation() {
		return this.relation;
	}

	/** @return the resource id from the URL, or {@code null} */
	public @Nullable String id() {
		return this.id;
	}

	/**
	 * Replace the resource id: the request then addresses that resource.
	 * @param id the id
	 */
	public void setId(String id) {
		this.id = id;
	}

	/**
	 * @return the id of the related resource from the URL ({@code GET_RELATED_RESOURCE}), otherwise
	 * {@code null}
	 */
	public @Nullable String relatedId() {
		return this.relatedId;
	}

	/**
	 * Replace the id of the related resource: the request then addresses that member of the
	 * relationship.
	 * @param relatedId the id
	 */
	public void setRelatedId(String relatedId) {
		this.relatedId = relatedId;
	}

	/** @return the parsed query, or {@code null} */
	public @Nullable QueryParameters query() {
		return this.query;
	}

	/**
	 * Replace the parsed query (build it from {@link #query()} with its {@code with...} methods).
	 * @param query the query
	 */
	public void setQuery(QueryParameters query) {
		this.query = query;
	}

	/** @return the request document (mutable), or {@code null} */
	public @Nullable ObjectNode document() {
		return this.document;
	}

	/**
	 * Replace the request document.
	 * @param document the document
	 */
	public void setDocument(ObjectNode document) {
		this.document = document;
	}

}
