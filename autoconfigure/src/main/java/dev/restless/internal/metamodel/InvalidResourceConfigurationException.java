package dev.restless.internal.metamodel;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when the exposed resources, their settings or the application's Restless
 * beans are misconfigured. Spring Boot reports it as "APPLICATION FAILED TO START" with the
 * message as the description and the action as what to do.
 */
public class InvalidResourceConfigurationException extends IllegalStateException {

	private final @Nullable String action;

	/**
	 * Create an exception.
	 * @param message what is wrong and how to fix it
	 */
	public InvalidResourceConfigurationException(String message) {
		this(message, null);
	}

	/**
	 * Create an exception that says what to do apart from what is wrong.
	 * @param message what is wrong
	 * @param action what to do about it, or {@code null} when the message says it
	 */
	public InvalidResourceConfigurationException(String message, @Nullable String action) {
		super(message);
		this.action = action;
	}

	/** @return what to do about it, or {@code null} when the message says it */
	public @Nullable String action() {
		return this.action;
	}

}
