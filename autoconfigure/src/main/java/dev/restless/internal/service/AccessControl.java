package dev.restless.internal.service;

import dev.restless.Operation;
import dev.restless.internal.metamodel.ResourceDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Whether the caller of the current request may perform an operation on a resource, by the
 * resource's access rules. {@link OperationRules} asks before anything is read, and again with the
 * entity once a change has loaded or built it, so a rule can look at the row it guards. A refusal
 * is thrown: the implementation decides how (Spring Security answers an anonymous caller with
 * {@code 401} and others with {@code 403}).
 */
public interface AccessControl {

	/** No rules: every operation is allowed. */
	AccessControl NONE = new AccessControl() {

		@Override
		public void check(ResourceDescriptor resource, Operation operation, @Nullable Object entity) {
		}

		@Override
		public void checkFieldWrite(ResourceDescriptor resource, String field, String pointer) {
		}

		@Override
		public boolean mayRead(ResourceDescriptor resource) {
			return true;
		}

	};

	/**
	 * Check an operation.
	 * @param resource the resource
	 * @param operation the operation
	 * @param entity the row the operation reads or writes, once known; {@code null} before it is
	 * loaded (a rule that needs it is then checked when it is given)
	 */
	void check(ResourceDescriptor resource, Operation operation, @Nullable Object entity);

	/**
	 * Check that the caller may write a field a request sends.
	 * @param resource the resource
	 * @param field the field name
	 * @param pointer where the request sends it, for the error
	 */
	void checkFieldWrite(ResourceDescriptor resource, String field, String pointer);

	/**
	 * Whether the caller may read a resource, without refusing: for what a document leaves out
	 * rather than refuses (default includes).
	 * @param resource the resource
	 * @return whether its read rule, if any, grants
	 */
	boolean mayRead(ResourceDescriptor resource);

}
