package dev.restless.internal.metamodel;

/**
 * Thrown at start-up when the exposed resources are misconfigured.
 */
public class InvalidResourceConfigurationException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what is wrong and how to fix it
	 */
	public InvalidResourceConfigurationException(String message) {
		super(message);
	}

}
