package dev.restless.it.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;

/**
 * A response as the tests see it.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param text the body as text (empty when there is none)
 * @param body the body parsed as JSON, or {@code null} when empty
 */
public record ApiResponse(int status, HttpHeaders headers, String text, JsonNode body) {

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
