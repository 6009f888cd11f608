package dev.restless.internal.service;

import dev.restless.Operation;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * What a request or an atomic operation may do, as {@link OperationRules} allowed it: the
 * resource, the operation and, for relationship changes, the relationship. Only the rules create
 * targets, and every read and write of the service takes one, so no path reaches the database
 * without passing the rules.
 */
public final class Target {

	private final ResourceDescriptor resource;

	private final Operation operation;

	private final @Nullable RelationshipDescriptor relationship;

	Target(ResourceDescriptor resource, Operation operation, @Nullable RelationshipDescriptor relationship) {
		this.resource = resource;
		this.operation = operation;
		this.relationship = relationship;
	}

	/** @return the resource */
	public ResourceDescriptor resource() {
		return this.resource;
	}

	/** @return the operation allowed */
	public Operation operation() {
		return this.operation;
	}

	/** @return the relationship a relationship change was allowed on, or {@code null} */
	public @Nullable RelationshipDescriptor relationship() {
		return this.relationship;
	}

	/**
	 * The same resource, for another operation that the same rule covers (a relationship endpoint
	 * serves three changes, all allowed by PATCH).
	 */
	Target withRelationship(Operation operation, RelationshipDescriptor relationship) {
		return new Target(this.resource, operation, relationship);
	}

}
