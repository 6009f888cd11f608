package dev.restless.internal.precondition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The versions of resources whose entity has a JPA {@code @Version} attribute: their entity tags
 * and the checks of the preconditions a write carries. A check compares with the version loaded
 * inside the write's transaction; the JPA provider then updates or deletes the row only if it
 * still has that version, so a writer racing past the check fails at flush instead of silently
 * overwriting.
 */
public final class ResourceVersions {

	private final ObjectMapper mapper;

	/**
	 * Create the versions.
	 * @param mapper the application's mapper, which writes versions as they appear in documents
	 */
	public ResourceVersions(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The version of an entity as it appears in the resource's {@code meta}.
	 * @param resource the resource
	 * @param entity the entity
	 * @return the version, or {@code null} when the resource is not versioned
	 */
	public @Nullable JsonNode versionOf(ResourceDescriptor resource, Object entity) {
		if (resource.version() == null) {
			return null;
		}
		return this.mapper.valueToTree(resource.version().get(entity));
	}

	/**
	 * The strong entity tag of an entity's current state, derived from its type, id and version.
	 * @param resource the resource
	 * @param entity the entity
	 * @return the tag, or {@code null} when the resource is not versioned
	 */
	public @Nullable EntityTag entityTag(ResourceDescriptor resource, Object entity) {
		JsonNode version = versionOf(resource, entity);
		if (version == null || version.isNull()) {
			return null;
		}
		return EntityTag.strong(encode(resource.type()) + "/" + encode(resource.idOf(entity)) + "/"
				+ encode(text(version)));
	}

	/**
	 * Check a write's precondition against the entity as loaded in the write's transaction.
	 * @param resource the resource
	 * @param entity the entity about to be changed
	 * @param precondition what the write expects
	 * @throws JsonApiException {@code 412} when the resource is not in the expected version
	 */
	public void check(ResourceDescriptor resource, Object entity, Precondition precondition) {
		if (precondition.ifMatch() != null && !precondition.ifMatch().matchesStrongly(entityTag(resource, entity))) {
			throw new JsonApiException(ErrorObject.atHeader(412, "Precondition failed",
					"The '" + resource.type() + "' resource '" + resource.idOf(entity)
							+ "' has changed since the ETag given in If-Match was issued; read it again and retry",
					"If-Match"));
		}
		JsonNode current = versionOf(resource, entity);
		if (precondition.version() != null && current != null && !sameVersion(current, precondition.version())) {
			throw new JsonApiException(ErrorObject.atPointer(412, "Precondition failed",
					"The '" + resource.type() + "' resource '" + resource.idOf(entity) + "' is no longer in version "
							+ text(precondition.version()) + " (it is in version " + text(current)
							+ "); read it again and retry",
					precondition.versionPointer()));
		}
	}

	private static boolean sameVersion(JsonNode current, JsonNode expected) {
		if (current.isIntegralNumber() && expected.isIntegralNumber()) {
			return current.bigIntegerValue().equals(expected.bigIntegerValue());
		}
		if (current.isValueNode() && expected.isValueNode()) {
			return text(current).equals(text(expected));
		}
		return current.equals(expected);
	}

	private static String text(JsonNode node) {
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static String encode(String text) {
		// Keeps the tag inside the characters an entity tag may hold (no quotes, no spaces).
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
