package dev.restless.internal.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.expression.SecurityExpressionRoot;
import org.springframework.security.core.Authentication;

/**
 * The root object of an access rule: Spring Security's operations, and the row the rule guards as
 * {@code resource}.
 */
public final class AccessExpressionRoot extends SecurityExpressionRoot<Object> {

	private final @Nullable Object resource;

	private final boolean resourceKnown;

	AccessExpressionRoot(Authentication authentication, @Nullable Object resource, boolean resourceKnown) {
		super(() -> authentication);
		this.resource = resource;
		this.resourceKnown = resourceKnown;
	}

	/**
	 * The row the rule guards: the resource updated, deleted, or whose relationship changes, or
	 * the resource about to be created.
	 * @return the row
	 */
	public @Nullable Object getResource() {
		if (!this.resourceKnown) {
			throw new RowNotKnownException();
		}
		return this.resource;
	}

	/** The rule names the row before it is loaded: it is decided once it is. */
	static final class RowNotKnownException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RowNotKnownException() {
			super("The resource is not loaded yet", null, false, false);
		}

	}

}
