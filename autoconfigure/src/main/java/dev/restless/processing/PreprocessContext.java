package dev.restless.processing;

import dev.restless.Operation;
import dev.restless.query.QueryParameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Preprocessor} sees of a request, and may change: the resource id, the parsed query
 * and the request document.
 */
public final class PreprocessContext {

	private final Operation operation;

	private final String collection;

	private final String relation;

	private String id;

	private QueryParameters query;

	private ObjectNode document;

	/**
	 * Create a context.
	 * @param operation the operation
	 * @param collection the collection name
	 * @param relation the relationship name, or {@code null}
	 * @param id the resource id from the URL, or {@code null}
	 * @param query the parsed query, or {@code null} for operations without one
	 * @param document the request document, or {@code null} for requests without a body
	 */
	public PreprocessContext(Operation operation, String collection, String relation, String id,
			QueryParameters query, ObjectNode document) {
		this.operation = operation;
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
	public String relation() {
		return this.relation;
	}

	/** @return the resource id from the URL, or {@code null} */
	public String id() {
		return this.id;
	}

	/**
	 * Replace the resource id: the request then addresses that resource.
	 * @param id the id
	 */
	public void setId(String id) {
		this.id = id;
	}

	/** @return the parsed query, or {@code null} */
	public QueryParameters query() {
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
	public ObjectNode document() {
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
