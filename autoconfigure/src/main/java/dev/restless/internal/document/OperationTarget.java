package dev.restless.internal.document;

import org.jspecify.annotations.Nullable;

/**
 * What an operation targets, from its {@code ref} or its {@code href}: a collection, a resource
 * (by {@code id}, or by the {@code lid} an earlier operation assigned) or a resource's
 * relationship.
 *
 * @param type the collection name
 * @param id the resource id, or {@code null}
 * @param lid the local id, or {@code null}
 * @param relationship the relationship name, or {@code null}
 * @param pointer the JSON pointer of the target inside its operation ({@code /ref} or
 * {@code /href})
 */
public record OperationTarget(String type, @Nullable String id, @Nullable String lid, @Nullable String relationship,
		String pointer) {

	/** @return whether the target is a resource (by id or local id) rather than a collection */
	public boolean isResource() {
		return this.id != null || this.lid != null;
	}

	/** @return whether the target is a relationship of a resource */
	public boolean isRelationship() {
		return this.relationship != null;
	}

}
