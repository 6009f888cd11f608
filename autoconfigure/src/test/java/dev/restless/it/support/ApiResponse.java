package dev.restless.it.support;

import java.net.URI;
import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;

/**
 * A response as the tests see it.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param text the body as text (empty when there is none)
 * @param body the body parsed as JSON, or {@code null} when empty
 * @param method the method of the request answered, or {@code null} when not known
 * @param uri the URI of the request answered, or {@code null} when not known
 */
public record ApiResponse(int status, HttpHeaders headers, String text, JsonNode body, String method, URI uri) {

	/**
	 * A response to a request that is not known.
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param text the body as text (empty when there is none)
	 * @param body the body parsed as JSON, or {@code null} when empty
	 */
	public ApiResponse(int status, HttpHeaders headers, String text, JsonNode body) {
		this(status, headers, text, body, null, null);
	}

	/**
	 * A header value.
	 * @param name the header name
	 * @return the first value, or {@code null}
	 */
	public String header(String name) {
		return this.headers.firstValue(name).orElse(null);
	}

	/**
	 * A member of the body by JSON pointer.
	 * @param pointer the pointer, such as {@code /data/attributes/name}
	 * @return the node (missing node when absent)
	 */
	public JsonNode at(String pointer) {
		return this.body.at(pointer);
	}

	/** @return the first error object of an error document */
	public JsonNode firstError() {
		return this.body.at("/errors/0");
	}

	@Override
	public String toString() {
		return this.status + " " + this.text;
	}

}
