package dev.restless.internal.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the absolute URLs of the API for one request.
 *
 * @param base the absolute URL of the base path (for example {@code http://localhost:8080/api});
 * a trailing slash is dropped
 */
public record ApiUrls(String base) {

	/**
	 * Create the URLs of an API.
	 * @param base the absolute URL of the base path, with or without a trailing slash
	 */
	public ApiUrls {
		base = withoutTrailingSlash(base);
	}

	/**
	 * A path or URL without its trailing slash, if it has one: {@code /api/} and {@code /api} are
	 * the same base path, and a base path of {@code /} is the empty one.
	 * @param path the path or URL
	 * @return it without a trailing slash
	 */
	public static String withoutTrailingSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

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
		return this.base + "/" + encode(type) + "/" + encode(id);
	}

	/**
	 * The {@code self} link of a relationship.
	 * @param type the collection name
	 * @param id the resource id
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public String relationship(String type, String id, String relationship) {
		return relationshipOf(resource(type, id), relationship);
	}

	/**
	 * The {@code self} link of a relationship of a resource whose URL is known: a document links
	 * every relationship of every resource, and building each link in one step spares the
	 * intermediate strings.
	 * @param resourceUrl the URL of the resource, from {@link #resource(String, String)}
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public static String relationshipOf(String resourceUrl, String relationship) {
		return resourceUrl + "/relationships/" + encode(relationship);
	}

	/**
	 * The {@code related} link of a relationship.
	 * @param type the collection name
	 * @param id the resource id
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public String related(String type, String id, String relationship) {
		return relatedOf(resource(type, id), relationship);
	}

	/**
	 * The {@code related} link of a relationship of a resource whose URL is known.
	 * @param resourceUrl the URL of the resource, from {@link #resource(String, String)}
	 * @param relationship the relationship name
	 * @return the URL
	 */
	public static String relatedOf(String resourceUrl, String relationship) {
		return resourceUrl + "/" + encode(relationship);
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
