package dev.restless;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a pre- or postprocessor to stop processing: the client receives {@link #status()} and
 * one JSON:API error object made of the title and detail. Inside a write, the transaction is
 * rolled back.
 */
public class ProcessingException extends RuntimeException {

	private final int status;

	private final String title;

	private final @Nullable String detail;

	/**
	 * Create an exception with a status, a short title and a human-readable detail.
	 * @param status the HTTP status, 400 to 599
	 * @param title a short summary that does not change between occurrences
	 * @param detail an explanation specific to this occurrence, or {@code null}
	 */
	public ProcessingException(int status, String title, @Nullable String detail) {
		super(title + ((detail != null) ? ": " + detail : ""));
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status (400 to 599), not " + status);
		}
		this.status = status;
		this.title = title;
		this.detail = detail;
	}

	/**
	 * Create an exception with a status and a title.
	 * @param status the HTTP status, 400 to 599
	 * @param title a short summary
	 */
	public ProcessingException(int status, String title) {
		this(status, title, null);
	}

	/**
	 * The HTTP status of the response.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The error's title.
	 * @return the title
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The error's detail.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String detail() {
		return this.detail;
	}

}
