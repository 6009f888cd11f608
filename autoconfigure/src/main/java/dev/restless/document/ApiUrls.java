package dev.restless.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the absolute URLs of the API for one request.
 *
 * @param base the absolute URL of the base path, without a trailing slash (for example
 * {@code http://localhost:8080/api})
 */
public record ApiUrls(String base) {

	/**
	 * The URL of a collection.
	 * @param type the collection name
	 * @return the URL
	 */
	public String collection(String type) {
		return this.base + "/" + encode(type);
	}

	/**
	 * The URL of a resource.
	 * @param type the collection name
	 * @param id the resource id
	 * @return the URL
	 */
	public String resource(String type, String id) {
		return collection(type) + "/" + encode(id);
	}

	/**
	 * The {@code self} link of a relationship.
	 * @param type the collection name
	 * @param id the resource id
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public String relationship(String type, String id, String relationship) {
		return resource(type, id) + "/relationships/" + encode(relationship);
	}

	/**
	 * The {@code related} link of a relationship.
	 * @param type the collection name
	 * @param id the resource id
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public String related(String type, String id, String relationship) {
		return resource(type, id) + "/" + encode(relationship);
	}

	private static String encode(String segment) {
		// Collection names, relationship names and most ids need no encoding; checking first keeps
		// the encoder off the path of every link of every resource.
		for (int index = 0; index < segment.length(); index++) {
			char character = segment.charAt(index);
			boolean safe = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
					|| (character >= '0' && character <= '9') || character == '-' || character == '_'
					|| character == '.';
			if (!safe) {
				return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
			}
		}
		return segment;
	}

}
