package dev.restless.internal.service;

import java.util.Map;

import dev.restless.internal.document.RequestLinks;
import dev.restless.internal.precondition.EntityTag;
import org.jspecify.annotations.Nullable;

/**
 * What the service needs to know of a request beyond its target, free of HTTP: its query
 * parameters, its URLs (for links), the conditions it is made on, and whether it asked for the
 * cursor pagination profile.
 *
 * @param parameters the query parameters, decoded
 * @param links the request's URLs
 * @param conditions the conditions of the request, read when an operation needs them
 * @param cursorProfile whether the client accepts the cursor pagination profile
 */
public record RequestContext(Map<String, String[]> parameters, RequestLinks links, Conditions conditions,
		boolean cursorProfile) {

	/**
	 * The first value of a query parameter.
	 * @param name the parameter name
	 * @return the value, or {@code null}
	 */
	public @Nullable String parameter(String name) {
		String[] values = this.parameters.get(name);
		return (values != null && values.length > 0) ? values[0] : null;
	}

	/** @return the condition on the current version that a change is made on, or {@code null} */
	public EntityTag.@Nullable Condition ifMatch() {
		return this.conditions.ifMatch();
	}

	/** @return the condition under which a read is answered in full, or {@code null} */
	public EntityTag.@Nullable Condition ifNoneMatch() {
		return this.conditions.ifNoneMatch();
	}

	/**
	 * The conditions a request is made on, read only by the operations that use them (a malformed
	 * one is the client's mistake only where it matters).
	 */
	public interface Conditions {

		/** @return the {@code If-Match} condition, or {@code null} */
		EntityTag.@Nullable Condition ifMatch();

		/** @return the {@code If-None-Match} condition, or {@code null} */
		EntityTag.@Nullable Condition ifNoneMatch();

	}

}
