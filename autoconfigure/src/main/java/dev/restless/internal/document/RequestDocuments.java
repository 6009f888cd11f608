package dev.restless.internal.document;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads request documents: the body as JSON, and the members every write starts from (the
 * primary resource object, the linkage of a relationship document, the resource object's type).
 * A malformed document is the client's mistake, answered with {@code 400} or {@code 409} and a
 * pointer to the member at fault.
 */
public final class RequestDocuments {

	private final ObjectMapper mapper;

	/**
	 * Create a reader.
	 * @param mapper the application's mapper
	 */
	public RequestDocuments(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Parse a request body as JSON.
	 * @param body the body
	 * @return the document
	 */
	public ObjectNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw JsonApiException.badDocument(null, "The request has no body; send a JSON:API document");
		}
		JsonNode node;
		try {
			// A member named twice would otherwise silently keep its last value, which another
			// reader of the same document (a proxy, a processor) may not.
			node = this.mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
			String problem = (ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate"))
					? ": an object names the same member twice" : "";
			throw JsonApiException.badDocument(null, "The request body is not valid JSON" + problem + where);
		}
		if (node == null || !node.isObject()) {
			throw JsonApiException.badDocument(null, "The request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	/**
	 * The primary resource object of a request document.
	 * @param document the request document
	 * @param pointer the JSON pointer of the document (empty for a whole request body)
	 * @return the {@code data} object
	 */
	public static ObjectNode resourceObject(JsonNode document, String pointer) {
		if (document == null || !document.isObject()) {
			throw JsonApiException.badDocument(pointer.isEmpty() ? null : pointer,
					"The request body must be a JSON object");
		}
		JsonNode data = document.get("data");
		if (data == null) {
			throw JsonApiException.badDocument(pointer.isEmpty() ? null : pointer,
					"The request document has no 'data' member");
		}
		if (!data.isObject()) {
			throw JsonApiException.badDocument(pointer + "/data", "'data' must be a resource object");
		}
		return (ObjectNode) data;
	}

	/**
	 * The linkage of a relationship request document ({@code PATCH}, {@code POST} or {@code DELETE}
	 * on a relationship endpoint): the value of its {@code data} member.
	 * @param document the request document
	 * @return the {@code data} member: {@code null}, an identifier or an array of identifiers
	 */
	public static JsonNode linkage(JsonNode document) {
		if (document == null || !document.isObject()) {
			throw JsonApiException.badDocument(null, "The request body must be a JSON object");
		}
		JsonNode data = document.get("data");
		if (data == null) {
			throw JsonApiException.badDocument(null,
					"The request document has no 'data' member; give an identifier, null or an array of identifiers");
		}
		return data;
	}

	/**
	 * Check the {@code type} of a resource object.
	 * @param resource the resource the request addresses
	 * @param data the resource object
	 * @param pointer its JSON pointer
	 */
	public static void checkType(ResourceDescriptor resource, JsonNode data, String pointer) {
		JsonNode type = data.get("type");
		if (type == null || type.isNull()) {
			throw JsonApiException.badDocument(pointer, "The resource object has no 'type' member");
		}
		if (!type.isString()) {
			throw JsonApiException.badDocument(pointer + "/type", "'type' must be a string");
		}
		if (!type.asString().equals(resource.type())) {
			throw JsonApiException.conflict(pointer + "/type",
					"Type '" + type.asString() + "' does not match the collection '" + resource.type() + "'");
		}
	}

	/**
	 * Check that a resource object names the resource its operation addresses.
	 * @param data the resource object
	 * @param id the id it must carry
	 * @param what what the id must match, for the error ("the URL", "the resource the operation
	 * updates")
	 * @throws JsonApiException {@code 409} when it carries another id or none
	 */
	public static void checkId(JsonNode data, String id, String what) {
		JsonNode documentId = data.get("id");
		if (documentId == null || !documentId.isString() || !documentId.asString().equals(id)) {
			throw JsonApiException.conflict("/data/id", "The id of the resource object does not match " + what);
		}
	}

}
