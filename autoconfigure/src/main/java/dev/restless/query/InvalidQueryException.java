package dev.restless.query;

/**
 * A problem with a filter or a function that the client can be told about: its message names only
 * exposed fields and never echoes SQL. Whoever knows which query parameter carried the problem
 * answers it as a {@code 400} naming that parameter.
 */
public class InvalidQueryException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param detail what is wrong, in words meant for the client
	 */
	public InvalidQueryException(String detail) {
		super(detail);
	}

}
