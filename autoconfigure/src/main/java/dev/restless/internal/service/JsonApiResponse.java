package dev.restless.internal.service;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A response before it is written: status, document (or none) and extra headers.
 *
 * @param status the HTTP status
 * @param document the document, or {@code null} for an empty body
 * @param headers extra headers
 */
public record JsonApiResponse(int status, @Nullable ObjectNode document, Map<String, String> headers) {

	/**
	 * A {@code 200 OK} response.
	 * @param document the document
	 * @return the response
	 */
	public static JsonApiResponse ok(ObjectNode document) {
		return new JsonApiResponse(200, document, Map.of());
	}

	/**
	 * A {@code 204 No Content} response.
	 * @return the response
	 */
	public static JsonApiResponse noContent() {
		return new JsonApiResponse(204, null, Map.of());
	}

}
