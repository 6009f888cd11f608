package dev.restless.internal.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The response recorded for an idempotency key, replayed to every retry of the request.
 *
 * @param status the HTTP status
 * @param headers the headers the response was given (such as {@code Location} and {@code ETag})
 * @param body the body, or {@code null} for none
 */
public record StoredResponse(int status, Map<String, String> headers, @Nullable String body) {

	/**
	 * Copy the headers.
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the body, or {@code null}
	 */
	public StoredResponse {
		headers = Map.copyOf(headers);
	}

	/**
	 * The headers as stored: one {@code name: value} line each (header values hold no line breaks).
	 * @return the text
	 */
	String headerLines() {
		StringBuilder lines = new StringBuilder();
		this.headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append('\n'));
		return lines.toString();
	}

	/**
	 * The headers read back from their stored text.
	 * @param lines the text, or {@code null}
	 * @return the headers
	 */
	static Map<String, String> headersOf(@Nullable String lines) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (lines != null) {
			for (String line : lines.split("\n")) {
				int colon = line.indexOf(": ");
				if (colon > 0) {
					headers.put(line.substring(0, colon), line.substring(colon + 2));
				}
			}
		}
		return headers;
	}

}
