package dev.restless.internal.error;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An error answered with a JSON:API error document. Thrown anywhere while a request is handled;
 * the web layer turns it into the response.
 */
public class JsonApiException extends RuntimeException {

	private final int status;

	private final List<ErrorObject> errors;

	private final Map<String, String> headers;

	/**
	 * Create an exception answered with one or more errors.
	 * @param status the HTTP status of the response
	 * @param errors the error objects
	 * @param headers extra response headers (for example {@code Allow})
	 */
	public JsonApiException(int status, List<ErrorObject> errors, Map<String, String> headers) {
		super(errors.isEmpty() ? String.valueOf(status) : errors.get(0).title() + ": " + errors.get(0).detail());
		this.status = status;
		this.errors = List.copyOf(errors);
		this.headers = Map.copyOf(headers);
	}

	/**
	 * Create an exception answered with one error.
	 * @param error the error object; its status is the response status
	 */
	public JsonApiException(ErrorObject error) {
		this(Integer.parseInt(error.status()), List.of(error), Map.of());
	}

	/** @return the HTTP status */
	public int status() {
		return this.status;
	}

	/** @return the error objects */
	public List<ErrorObject> errors() {
		return this.errors;
	}

	/** @return extra response headers */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * {@code 400 Bad Request} caused by a query parameter.
	 * @param parameter the parameter
	 * @param detail what is wrong
	 * @return the exception
	 */
	public static JsonApiException badParameter(String parameter, String detail) {
		return new JsonApiException(ErrorObject.atParameter(400, "Invalid query parameter", detail, parameter));
	}

	/**
	 * {@code 400 Bad Request} caused by the request document.
	 * @param pointer the JSON pointer, or {@code null}
	 * @param detail what is wrong
	 * @return the exception
	 */
	public static JsonApiException badDocument(@Nullable String pointer, String detail) {
		ErrorObject error = (pointer != null) ? ErrorObject.atPointer(400, "Invalid request document", detail, pointer)
				: ErrorObject.of(400, "Invalid request document", detail);
		return new JsonApiException(error);
	}

	/**
	 * {@code 404 Not Found}.
	 * @param detail what was not found
	 * @return the exception
	 */
	public static JsonApiException notFound(String detail) {
		return new JsonApiException(ErrorObject.of(404, "Not found", detail));
	}

	/**
	 * {@code 403 Forbidden}.
	 * @param detail why
	 * @return the exception
	 */
	public static JsonApiException forbidden(String detail) {
		return new JsonApiException(ErrorObject.of(403, "Forbidden", detail));
	}

	/**
	 * {@code 409 Conflict}.
	 * @param pointer the JSON pointer, or {@code null}
	 * @param detail why
	 * @return the exception
	 */
	public static JsonApiException conflict(@Nullable String pointer, String detail) {
		ErrorObject error = (pointer != null) ? ErrorObject.atPointer(409, "Conflict", detail, pointer)
				: ErrorObject.of(409, "Conflict", detail);
		return new JsonApiException(error);
	}

}
