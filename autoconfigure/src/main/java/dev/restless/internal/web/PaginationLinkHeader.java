package dev.restless.internal.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Link} header (RFC 8288) of a paginated document: its {@code first}, {@code prev},
 * {@code next} and {@code last} links, for clients that page by headers (as Flask-Restless and
 * GitHub's API serve them) rather than by the document's {@code links}.
 */
final class PaginationLinkHeader {

	private static final List<String> RELATIONS = List.of("first", "prev", "next", "last");

	/**
	 * The longest header sent. Links repeat the request's query four times over, and containers
	 * refuse to send headers past a limit of their own (8 KB for all of them in embedded Tomcat),
	 * failing the response: a longer header is left out, the document still has the links.
	 */
	static final int MAX_LENGTH = 4096;

	private PaginationLinkHeader() {
	}

	/**
	 * The header value for a document.
	 * @param document the response document, or {@code null}
	 * @return the value, or {@code null} when the document has no pagination links or they are too long
	 * for a header
	 */
	static @Nullable String of(@Nullable ObjectNode document) {
		JsonNode links = (document != null) ? document.get("links") : null;
		if (links == null || !links.isObject()) {
			return null;
		}
		List<String> values = new ArrayList<>();
		for (String relation : RELATIONS) {
			JsonNode link = links.get(relation);
			// Links are valid URIs (RFC 3986) already, so they hold no '>' to escape.
			if (link != null && link.isString()) {
				values.add("<" + link.asString() + ">; rel=\"" + relation + "\"");
			}
		}
		String header = String.join(", ", values);
		return (values.isEmpty() || header.length() > MAX_LENGTH) ? null : header;
	}

}
