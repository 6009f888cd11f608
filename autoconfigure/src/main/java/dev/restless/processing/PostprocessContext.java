package dev.restless.processing;

import java.util.List;

import dev.restless.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link Postprocessor} sees of a response: the document about to be written (which it may
 * change or replace) and the entities behind its primary data.
 */
public final class PostprocessContext {

	private final Operation operation;

	private final String collection;

	private final @Nullable String relation;

	private final @Nullable String id;

	private final List<Object> entities;

	private @Nullable ObjectNode document;

	/**
	 * Create a context.
	 * @param operation the operation
	 * @param collection the collection name
	 * @param relation the relationship name, or {@code null}
	 * @param id the resource id, or {@code null}
	 * @param entities the entities behind the primary data (empty for deletions)
	 * @param document the response document, or {@code null} when the response has no body
	 */
	public PostprocessContext(Operation operation, String collection, @Nullable String relation, @Nullable String id,
			List<Object> entities, @Nullable ObjectNode document) {
		this.operation = operation;
		this.collection = collection;
		this.relation = relation;
		this.id = id;
		this.entities = List.copyOf(entities);
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

	/** @return the resource id, or {@code null} */
	public @Nullable String id() {
		return this.id;
	}

	/** @return the entities behind the primary data */
	public List<Object> entities() {
		return this.entities;
	}

	/** @return the response document (mutable), or {@code null} */
	public @Nullable ObjectNode document() {
		return this.document;
	}

	/**
	 * Replace the response document.
	 * @param document the document
	 */
	public void setDocument(ObjectNode document) {
		this.document = document;
	}

}
