package dev.restless.internal.document;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.error.JsonApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the request document of the Atomic Operations extension and checks everything that can
 * be checked without the database: the document's members, each operation's {@code op},
 * {@code ref} or {@code href} and {@code data}, and that every {@code lid} used was assigned by an
 * earlier operation. Every problem is a {@code 400} pointing at its cause.
 */
public final class AtomicDocuments {

	/** The JSON pointer of the operations array. */
	public static final String OPERATIONS_POINTER = "/atomic:operations";

	/** The URI of the Atomic Operations extension. */
	public static final String EXTENSION = "https://jsonapi.org/ext/atomic";

	private static final String OPERATIONS = "atomic:operations";

	private static final Set<String> DOCUMENT_MEMBERS = Set.of(OPERATIONS, "jsonapi", "meta", "links");

	private static final Set<String> OPERATION_MEMBERS = Set.of("op", "ref", "href", "data", "meta");

	private static final Set<String> REF_MEMBERS = Set.of("type", "id", "lid", "relationship");

	private static final String NOT_SERVED = "'href' must be the URL of a collection, a resource or a relationship "
			+ "({collection}, {collection}/{id} or {collection}/{id}/relationships/{name})";

	/**
	 * Read the operations of a request document.
	 * @param document the request document
	 * @param maxOperations the most operations a request may carry
	 * @param api the URLs of the API as this request reached it, which every {@code href} must
	 * name a resource of
	 * @return the operations, in order
	 */
	public List<AtomicOperation> operations(ObjectNode document, int maxOperations, ApiUrls api) {
		for (String member : document.propertyNames()) {
			if (member.equals("data") || member.equals("included")) {
				throw JsonApiException.badDocument("/" + member,
						"An Atomic Operations document may not have '" + member + "'; put the operations in '"
								+ OPERATIONS + "'");
			}
			if (!DOCUMENT_MEMBERS.contains(member)) {
				throw JsonApiException.badDocument("/" + member,
						"'" + member + "' is not a member of an Atomic Operations request document");
			}
		}
		RequestDocuments.checkTopLevelMembers(document, "");
		JsonNode array = document.get(OPERATIONS);
		if (array == null) {
			throw JsonApiException.badDocument(null, "The request document has no '" + OPERATIONS + "' member");
		}
		if (!array.isArray() || array.isEmpty()) {
			throw JsonApiException.badDocument(OPERATIONS_POINTER,
					"'" + OPERATIONS + "' must be an array of one or more operation objects");
		}
		if (array.size() > maxOperations) {
			throw JsonApiException.badDocument(OPERATIONS_POINTER, "A request may carry at most " + maxOperations
					+ " operations (restless.atomic.max-operations); this one has " + array.size());
		}
		URI base = apiBase(api);
		List<AtomicOperation> operations = new ArrayList<>(array.size());
		for (int index = 0; index < array.size(); index++) {
			operations.add(operation(index, array.get(index), base));
		}
		checkLocalIds(operations);
		return List.copyOf(operations);
	}

	/** The API's base URL as a URI that relative references resolve under, ending with a slash. */
	private static URI apiBase(ApiUrls api) {
		try {
			return new URI(api.base() + "/");
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("The API's base URL is not a URI: " + api.base(), ex);
		}
	}

	private AtomicOperation operation(int index, JsonNode node, URI base) {
		String at = OPERATIONS_POINTER + "/" + index;
		if (!node.isObject()) {
			throw JsonApiException.badDocument(at, "An operation must be an object");
		}
		ObjectNode source = (ObjectNode) node;
		for (String member : source.propertyNames()) {
			if (!OPERATION_MEMBERS.contains(member)) {
				throw JsonApiException.badDocument(at + "/" + member,
						"'" + member + "' is not a member of an operation");
			}
		}
		JsonNode op = source.get("op");
		OperationCode code = (op != null && op.isString()) ? OperationCode.of(op.asString()) : null;
		if (code == null) {
			throw JsonApiException.badDocument(at + "/op",
					"An operation needs an 'op' of \"add\", \"update\" or \"remove\"");
		}
		if (source.has("ref") && source.has("href")) {
			throw JsonApiException.badDocument(at, "An operation may have 'ref' or 'href', not both");
		}
		JsonNode meta = source.get("meta");
		if (meta != null && !meta.isObject()) {
			throw JsonApiException.badDocument(at + "/meta", "'meta' must be an object");
		}
		OperationTarget target = source.has("ref") ? ref(source.get("ref"), at + "/ref")
				: source.has("href") ? href(source.get("href"), at + "/href", base) : null;
		JsonNode data = source.get("data");
		if (target != null && target.isRelationship()) {
			checkRelationshipData(code, data, at);
		}
		else {
			checkResourceOperation(code, target, data, at);
		}
		return new AtomicOperation(index, code, target, data, source);
	}

	private static OperationTarget ref(JsonNode ref, String at) {
		if (!ref.isObject()) {
			throw JsonApiException.badDocument(at, "'ref' must be an object");
		}
		for (String member : ref.propertyNames()) {
			if (!REF_MEMBERS.contains(member)) {
				throw JsonApiException.badDocument(at + "/" + member, "'" + member + "' is not a member of 'ref'");
			}
		}
		String type = string(ref, "type", at);
		if (type == null) {
			throw JsonApiException.badDocument(at, "'ref' needs a 'type'");
		}
		String id = string(ref, "id", at);
		String lid = string(ref, "lid", at);
		if ((id == null) == (lid == null)) {
			throw JsonApiException.badDocument(at, "'ref' needs either an 'id' or a 'lid'");
		}
		return new OperationTarget(type, id, (id == null) ? lid : null, string(ref, "relationship", at), "/ref");
	}

	/**
	 * The target an {@code href} names. It is resolved as a URI reference against the API's base
	 * URL and must stay on this server and under the base path: a client must not be able to make
	 * an operation here act on whatever another server's URL happens to end with.
	 */
	private static OperationTarget href(JsonNode href, String at, URI base) {
		if (!href.isString()) {
			throw JsonApiException.badDocument(at, "'href' must be a string");
		}
		URI resolved;
		try {
			URI reference = new URI(href.asString());
			if (reference.getRawPath() != null && reference.getRawPath().contains("//")) {
				// an empty segment names nothing (normalising would drop it)
				throw JsonApiException.badDocument(at, NOT_SERVED);
			}
			resolved = base.resolve(reference).normalize();
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			resolved = null;
		}
		String path = (resolved != null) ? resolved.getPath() : null;
		if (path == null) {
			throw JsonApiException.badDocument(at, "'href' is not a valid URI reference");
		}
		if (!sameOrigin(base, resolved) || !path.startsWith(base.getPath())) {
			throw JsonApiException.badDocument(at, "'href' must name a resource of this API: a path under "
					+ base.getPath() + " or a URL of this server under it");
		}
		String relative = path.substring(base.getPath().length());
		String[] segments = relative.endsWith("/") ? relative.substring(0, relative.length() - 1).split("/", -1)
				: relative.split("/", -1);
		for (String segment : segments) {
			if (segment.isEmpty()) {
				throw JsonApiException.badDocument(at, NOT_SERVED);
			}
		}
		return switch (segments.length) {
			case 1 -> new OperationTarget(segments[0], null, null, null, "/href");
			case 2 -> new OperationTarget(segments[0], segments[1], null, null, "/href");
			case 4 -> {
				if (!segments[2].equals("relationships")) {
					throw JsonApiException.badDocument(at, "'href' must name a relationship as "
							+ "{collection}/{id}/relationships/{name}");
				}
				yield new OperationTarget(segments[0], segments[1], null, segments[3], "/href");
			}
			default -> throw JsonApiException.badDocument(at, NOT_SERVED);
		};
	}

	/**
	 * Whether a resolved reference has the scheme, host and port of the API's base URL (a relative
	 * reference resolves to them).
	 */
	private static boolean sameOrigin(URI base, URI target) {
		if (target.getScheme() == null || !target.getScheme().equalsIgnoreCase(base.getScheme())) {
			return false;
		}
		if (base.getHost() == null || target.getHost() == null) {
			// an authority Java does not parse as a host (an underscore in a name): compared whole
			return base.getRawAuthority() != null && base.getRawAuthority().equalsIgnoreCase(target.getRawAuthority());
		}
		return base.getHost().equalsIgnoreCase(target.getHost()) && port(base) == port(target);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
	}

	private static void checkRelationshipData(OperationCode code, @Nullable JsonNode data, String at) {
		if (data == null) {
			throw JsonApiException.badDocument(at, "An operation on a relationship needs 'data': "
					+ "null, a resource identifier or an array of them");
		}
		if (code != OperationCode.UPDATE && !data.isArray()) {
			throw JsonApiException.badDocument(at + "/data",
					"'" + code.code() + "' on a relationship needs an array of resource identifiers");
		}
	}

	private static void checkResourceOperation(OperationCode code, @Nullable OperationTarget target,
			@Nullable JsonNode data, String at) {
		String targetAt = at + ((target != null) ? target.pointer() : "");
		switch (code) {
			case ADD -> {
				if (target != null && target.isResource()) {
					throw JsonApiException.badDocument(targetAt,
							"'add' creates a resource: target its collection or nothing, not a resource");
				}
				resourceObject(data, at, "'add' needs a resource object as 'data'");
			}
			case UPDATE -> {
				if (target != null && !target.isResource()) {
					throw JsonApiException.badDocument(targetAt, "'update' must target a resource, not a collection");
				}
				ObjectNode object = resourceObject(data, at, "'update' needs a resource object as 'data'");
				String id = string(object, "id", at + "/data");
				String lid = string(object, "lid", at + "/data");
				if (id == null && lid == null) {
					throw JsonApiException.badDocument(at + "/data", "The resource object needs an 'id' or a 'lid'");
				}
			}
			case REMOVE -> {
				if (target == null || !target.isResource()) {
					throw JsonApiException.badDocument(at,
							"'remove' needs a 'ref' or 'href' to the resource to delete");
				}
				if (data != null) {
					throw JsonApiException.badDocument(at + "/data", "Removing a resource takes no 'data'");
				}
			}
		}
	}

	private static ObjectNode resourceObject(@Nullable JsonNode data, String at, String detail) {
		if (data == null || !data.isObject()) {
			throw JsonApiException.badDocument((data == null) ? at : at + "/data", detail);
		}
		if (string(data, "type", at + "/data") == null) {
			throw JsonApiException.badDocument(at + "/data", "The resource object has no 'type' member");
		}
		RequestDocuments.checkResourceObjectMembers(data, at + "/data");
		return (ObjectNode) data;
	}

	private static @Nullable String string(JsonNode owner, String member, String at) {
		JsonNode value = owner.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw JsonApiException.badDocument(at + "/" + member, "'" + member + "' must be a string");
		}
		return value.asString();
	}

	/**
	 * Check that every local id is assigned once, by an {@code add} of a resource, before any
	 * operation uses it.
	 */
	private static void checkLocalIds(List<AtomicOperation> operations) {
		Set<String> assigned = new HashSet<>();
		for (AtomicOperation operation : operations) {
			String at = operation.pointer();
			OperationTarget target = operation.target();
			if (target != null && target.lid() != null) {
				checkAssigned(assigned, target.type(), target.lid(), at + target.pointer() + "/lid");
			}
			JsonNode data = operation.data();
			if (operation.targetsRelationship()) {
				checkLinkage(assigned, data, at + "/data");
			}
			else if (data != null && data.isObject()) {
				if (operation.code() == OperationCode.UPDATE && !data.hasNonNull("id") && data.hasNonNull("lid")) {
					checkAssigned(assigned, data.get("type").asString(), data.get("lid").asString(), at + "/data/lid");
				}
				JsonNode relationships = data.get("relationships");
				if (relationships != null && relationships.isObject()) {
					for (String name : relationships.propertyNames()) {
						JsonNode relationship = relationships.get(name);
						if (relationship.isObject()) {
							checkLinkage(assigned, relationship.get("data"),
									at + "/data/relationships/" + name + "/data");
						}
					}
				}
				if (operation.code() == OperationCode.ADD && data.hasNonNull("lid")) {
					String lid = string(data, "lid", at + "/data");
					if (!assigned.add(key(data.get("type").asString(), lid))) {
						throw JsonApiException.badDocument(at + "/data/lid",
								"Local id '" + lid + "' is already assigned by an earlier operation");
					}
				}
			}
		}
	}

	private static void checkLinkage(Set<String> assigned, @Nullable JsonNode linkage, String at) {
		if (linkage == null) {
			return;
		}
		if (linkage.isArray()) {
			for (int index = 0; index < linkage.size(); index++) {
				checkLinkage(assigned, linkage.get(index), at + "/" + index);
			}
		}
		else if (linkage.isObject() && !linkage.hasNonNull("id") && linkage.hasNonNull("lid")) {
			JsonNode type = linkage.get("type");
			if (type == null || !type.isString() || !linkage.get("lid").isString()) {
				throw JsonApiException.badDocument(at,
						"A resource identifier needs a 'type' and an 'id' or 'lid' string");
			}
			checkAssigned(assigned, type.asString(), linkage.get("lid").asString(), at + "/lid");
		}
	}

	private static void checkAssigned(Set<String> assigned, String type, String lid, String at) {
		if (!assigned.contains(key(type, lid))) {
			throw JsonApiException.badDocument(at, "Local id '" + lid + "' of '" + type
					+ "' is not assigned by an earlier 'add' operation");
		}
	}

	/**
	 * The key of a local id: local ids are unique per type.
	 * @param type the collection name
	 * @param lid the local id
	 * @return the key
	 */
	public static String key(String type, String lid) {
		return type + "\u0000" + lid;
	}

}
