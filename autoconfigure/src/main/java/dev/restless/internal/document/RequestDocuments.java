package dev.restless.internal.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import org.jspecify.annotations.Nullable;
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
		String text = utf8(body);
		JsonNode node;
		try {
			// A member named twice would otherwise silently keep its last value, which another
			// reader of the same document (a proxy, a processor) may not.
			node = this.mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
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
		String surrogate = loneSurrogateAt(node, "");
		if (surrogate != null) {
			throw JsonApiException.badDocument(surrogate, "The request body escapes a lone surrogate (such as "
					+ "\\ud800): JSON text must be valid Unicode");
		}
		return (ObjectNode) node;
	}

	/**
	 * Decode a body strictly as UTF-8, the only encoding JSON exchanged between systems may use
	 * (RFC 8259): Jackson would otherwise read a UTF-16 or UTF-32 body, and the UTF-8 decoding of a
	 * parser may accept overlong forms ({@code C0 AF} for {@code /}), which other readers of the
	 * same bytes do not see as the same text. A leading byte order mark is ignored, as RFC 8259
	 * allows.
	 */
	private static String utf8(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		// UTF-8 never takes fewer bytes than UTF-16 takes chars
		CharBuffer out = CharBuffer.allocate(body.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw JsonApiException.badDocument(null,
					"The request body is not valid UTF-8 (at byte " + in.position() + "); send JSON in UTF-8");
		}
		out.flip();
		if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
			out.position(1);
		}
		return out.toString();
	}

	/**
	 * The JSON pointer of the first string (value or member name) holding a surrogate that is not
	 * part of a pair, or {@code null}: a JSON escape of a surrogate code unit (such as D800) can
	 * write one although it is no character, and databases store it as {@code ?} or refuse it.
	 */
	private static @Nullable String loneSurrogateAt(JsonNode node, String pointer) {
		if (node.isString()) {
			return hasLoneSurrogate(node.asString()) ? pointer : null;
		}
		if (node.isArray()) {
			for (int index = 0; index < node.size(); index++) {
				String found = loneSurrogateAt(node.get(index), pointer + "/" + index);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
			String found = hasLoneSurrogate(member.getKey()) ? at : loneSurrogateAt(member.getValue(), at);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if (Character.isHighSurrogate(character) && index + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(index + 1))) {
				index++;
			}
			else if (Character.isSurrogate(character)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The primary resource object of a request document.
	 * @param document the request document
	 * @param pointer the JSON pointer of the document (empty for a whole request body)
	 * @return the {@code data} object
	 */
	public static ObjectNode resourceObject(@Nullable JsonNode document, String pointer) {
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
		checkTopLevelMembers(document, pointer);
		checkResourceObjectMembers(data, pointer + "/data");
		return (ObjectNode) data;
	}

	/**
	 * Check the top-level members of a request document that no write reads: JSON:API fixes their
	 * type, and a document that breaks it is malformed rather than to be half-read. A request
	 * carries no {@code included}: Restless creates and changes only the primary resource, so
	 * included resources would be dropped without a word.
	 * @param document the request document
	 * @param pointer the JSON pointer of the document (empty for a whole request body)
	 */
	public static void checkTopLevelMembers(JsonNode document, String pointer) {
		if (document.has("included")) {
			throw JsonApiException.badDocument(pointer + "/included", "A request document may not have "
					+ "'included': only the primary data is written");
		}
		checkObject(document, "meta", pointer);
		checkObject(document, "jsonapi", pointer);
		checkObject(document, "links", pointer);
	}

	/**
	 * Check the members of a resource object that a write does not apply: a {@code lid} must be a
	 * string, {@code meta} and {@code links} objects.
	 * @param data the resource object
	 * @param pointer its JSON pointer
	 */
	public static void checkResourceObjectMembers(JsonNode data, String pointer) {
		JsonNode lid = data.get("lid");
		if (lid != null && !lid.isString()) {
			throw JsonApiException.badDocument(pointer + "/lid", "'lid' must be a string");
		}
		checkObject(data, "meta", pointer);
		checkObject(data, "links", pointer);
	}

	private static void checkObject(JsonNode owner, String member, String pointer) {
		JsonNode value = owner.get(member);
		if (value != null && !value.isObject()) {
			throw JsonApiException.badDocument(pointer + "/" + member, "'" + member + "' must be an object");
		}
	}

	/**
	 * The linkage of a relationship request document ({@code PATCH}, {@code POST} or {@code DELETE}
	 * on a relationship endpoint): the value of its {@code data} member.
	 * @param document the request document
	 * @return the {@code data} member: {@code null}, an identifier or an array of identifiers
	 */
	public static JsonNode linkage(@Nullable JsonNode document) {
		if (document == null || !document.isObject()) {
			throw JsonApiException.badDocument(null, "The request body must be a JSON object");
		}
		JsonNode data = document.get("data");
		if (data == null) {
			throw JsonApiException.badDocument(null,
					"The request document has no 'data' member; give an identifier, null or an array of identifiers");
		}
		checkTopLevelMembers(document, "");
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
