package dev.restless.internal.document;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of an Atomic Operations request, checked for structure.
 *
 * @param index its position in {@code atomic:operations}
 * @param code what it does
 * @param target its {@code ref} or {@code href}, or {@code null}
 * @param data its primary data, or {@code null} when absent ({@code NullNode} when given as
 * {@code null})
 * @param source the operation object as the client sent it
 */
public record AtomicOperation(int index, OperationCode code, @Nullable OperationTarget target, @Nullable JsonNode data,
		ObjectNode source) {

	/** @return the JSON pointer of the operation, such as {@code /atomic:operations/2} */
	public String pointer() {
		return AtomicDocuments.OPERATIONS_POINTER + "/" + this.index;
	}

	/** @return whether the operation changes a relationship rather than a resource */
	public boolean targetsRelationship() {
		return this.target != null && this.target.isRelationship();
	}

}
