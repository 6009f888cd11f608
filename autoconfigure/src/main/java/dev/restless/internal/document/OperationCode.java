package dev.restless.internal.document;

import org.jspecify.annotations.Nullable;

/**
 * The {@code op} of an atomic operation.
 */
public enum OperationCode {

	/** {@code "add"}: create a resource, or add members to a to-many relationship. */
	ADD("add"),

	/** {@code "update"}: update a resource, or replace a relationship. */
	UPDATE("update"),

	/** {@code "remove"}: delete a resource, or remove members from a to-many relationship. */
	REMOVE("remove");

	private final String code;

	OperationCode(String code) {
		this.code = code;
	}

	/** @return the code as it appears in documents */
	public String code() {
		return this.code;
	}

	/**
	 * The operation code of a document's {@code op} member.
	 * @param code the member's value
	 * @return the operation code, or {@code null} when it is none
	 */
	public static @Nullable OperationCode of(String code) {
		for (OperationCode candidate : values()) {
			if (candidate.code.equals(code)) {
				return candidate;
			}
		}
		return null;
	}

}
