package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.metamodel.TemporalRange;
import dev.restless.internal.metamodel.ValueTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies the resource object of a request document to an entity: checks its structure, converts
 * attribute values with the application's Jackson mapper and resolves relationship linkage. Every
 * problem is a JSON:API error pointing at the member that caused it; a hidden attribute is
 * answered exactly like an unknown one.
 */
public final class EntityWriter {

	private static final Set<String> RESOURCE_OBJECT_MEMBERS = Set.of("type", "id", "lid", "attributes",
			"relationships", "links", "meta");

	private final ResourceRegistry registry;

	private final ResourceQueries queries;

	private final RelationshipWriter relationships;

	private final ObjectMapper mapper;

	/**
	 * Create a writer.
	 * @param registry the exposed resources
	 * @param queries loads relationship targets
	 * @param relationships changes relationships
	 * @param mapper the application's mapper, which converts attribute values
	 */
	public EntityWriter(ResourceRegistry registry, ResourceQueries queries, RelationshipWriter relationships,
			ObjectMapper mapper) {
		this.registry = registry;
		this.queries = queries;
		this.relationships = relationships;
		this.mapper = mapper;
	}

	/**
	 * Apply the attributes and relationships of a resource object to an entity.
	 * @param resource the resource
	 * @param entity a new entity (creating) or a managed one (updating)
	 * @param data the resource object, whose type and id are already checked
	 * @param creating whether the entity is being created
	 * @param pointer the JSON pointer of the resource object
	 */
	public void apply(ResourceDescriptor resource, Object entity, ObjectNode data, boolean creating, String pointer) {
		for (String member : data.propertyNames()) {
			if (!RESOURCE_OBJECT_MEMBERS.contains(member)) {
				throw JsonApiException.badDocument(pointer + "/" + member,
						"'" + member + "' is not a member of a resource object");
			}
		}
		JsonNode attributes = data.get("attributes");
		if (attributes != null) {
			if (!attributes.isObject()) {
				throw JsonApiException.badDocument(pointer + "/attributes", "'attributes' must be an object");
			}
			applyAttributes(resource, entity, (ObjectNode) attributes, creating, pointer + "/attributes");
		}
		JsonNode relationshipsNode = data.get("relationships");
		if (relationshipsNode != null) {
			if (!relationshipsNode.isObject()) {
				throw JsonApiException.badDocument(pointer + "/relationships", "'relationships' must be an object");
			}
			for (String name : relationshipsNode.propertyNames()) {
				String at = pointer + "/relationships/" + name;
				RelationshipDescriptor relationship = resource.relationship(name)
					.orElseThrow(() -> JsonApiException.badDocument(at,
							"'" + resource.type() + "' has no relationship named '" + name + "'"));
				JsonNode object = relationshipsNode.get(name);
				if (!object.isObject() || !object.has("data")) {
					throw JsonApiException.badDocument(at, "A relationship must be an object with a 'data' member");
				}
				if (relationship.toMany() && !creating && !resource.allowToManyReplacement()) {
					throw JsonApiException.forbidden(
							"Replacing the to-many relationship '" + name + "' of '" + resource.type()
									+ "' is not allowed");
				}
				applyLinkage(resource, entity, relationship, object.get("data"), at + "/data", false);
			}
		}
	}

	private void applyAttributes(ResourceDescriptor resource, Object entity, ObjectNode attributes, boolean creating,
			String pointer) {
		for (String name : attributes.propertyNames()) {
			String at = pointer + "/" + name;
			if (isIdOrVersion(resource, name)) {
				throw new JsonApiException(ErrorObject.atPointer(422, "Read-only attribute",
						"'" + name + "' of '" + resource.type() + "' cannot be written"
								+ (name.equals("id") ? "; the id is the resource object's 'id' member"
										: "; the server sets it"),
						at));
			}
			AttributeDescriptor attribute = resource.attribute(name)
				.orElseThrow(() -> JsonApiException.badDocument(at,
						"'" + resource.type() + "' has no attribute named '" + name + "'"));
			if (attribute.readOnly() || (!creating && !attribute.updatable())) {
				throw new JsonApiException(ErrorObject.atPointer(422, "Read-only attribute",
						"Attribute '" + name + "' of '" + resource.type() + "' cannot be "
								+ (attribute.readOnly() ? "written" : "changed after creation"),
						at));
			}
			JsonNode value = attributes.get(name);
			String nul = nulCharacterAt(value, at);
			if (nul != null) {
				// PostgreSQL refuses it in text, the other databases store it: refused everywhere.
				throw JsonApiException.badDocument(nul, "Attribute '" + name
						+ "' contains the NUL character, which text values cannot hold");
			}
			attribute.accessor().set(entity, convert(attribute, value, at));
		}
	}

	/**
	 * Whether a member of {@code attributes} names the resource's id or its JPA version, which are
	 * visible (as {@code id} and {@code meta.version}) but never written by clients.
	 */
	private static boolean isIdOrVersion(ResourceDescriptor resource, String name) {
		if (resource.attributes().containsKey(name)) {
			return false;
		}
		if (name.equals("id") || (resource.id().entityId() && name.equals(resource.id().attributeName()))) {
			return true;
		}
		return resource.version() != null && name.equals(resource.version().name());
	}

	/** The pointer of the first text in a value that holds U+0000, or {@code null}. */
	private static String nulCharacterAt(JsonNode value, String pointer) {
		if (value.isString()) {
			return (value.asString().indexOf('\0') >= 0) ? pointer : null;
		}
		if (value.isArray()) {
			for (int index = 0; index < value.size(); index++) {
				String found = nulCharacterAt(value.get(index), pointer + "/" + index);
				if (found != null) {
					return found;
				}
			}
		}
		for (Map.Entry<String, JsonNode> member : value.properties()) {
			String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
			String found = (member.getKey().indexOf('\0') >= 0) ? at : nulCharacterAt(member.getValue(), at);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private Object convert(AttributeDescriptor attribute, JsonNode value, String pointer) {
		Class<?> type = attribute.javaType();
		if (value.isNull()) {
			if (type.isPrimitive()) {
				throw JsonApiException.badDocument(pointer,
						"Attribute '" + attribute.name() + "' cannot be null; give " + ValueTypes.describe(type));
			}
			return null;
		}
		Object plain = plainValue(type, value);
		if (plain != null) {
			return plain;
		}
		if (ValueTypes.isIntegral(type) && value.isFloatingPointNumber()
				&& value.decimalValue().stripTrailingZeros().scale() > 0) {
			// Jackson would drop the fraction without a word (1.5 becomes 1).
			throw JsonApiException.badDocument(pointer,
					"Attribute '" + attribute.name() + "' must be " + ValueTypes.describe(type));
		}
		Object converted;
		try {
			JavaType javaType = this.mapper.constructType(attribute.accessor().genericType());
			converted = this.mapper.treeToValue(value, javaType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw JsonApiException.badDocument(pointer,
					"Attribute '" + attribute.name() + "' must be " + ValueTypes.describe(type));
		}
		if (!TemporalRange.contains(converted)) {
			throw JsonApiException.badDocument(pointer, "Attribute '" + attribute.name() + "' must be "
					+ ValueTypes.describe(type) + ", " + TemporalRange.DESCRIPTION);
		}
		return converted;
	}

	/**
	 * Strings, integers and booleans read the same under every mapper configuration; taking them
	 * straight from the tree skips a deserialiser lookup per value. Anything else returns
	 * {@code null} and goes through the mapper.
	 */
	private static Object plainValue(Class<?> type, JsonNode value) {
		if (type == String.class && value.isString()) {
			return value.asString();
		}
		if ((type == Integer.class || type == int.class) && value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		if ((type == Long.class || type == long.class) && value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if ((type == Boolean.class || type == boolean.class) && value.isBoolean()) {
			return value.booleanValue();
		}
		return null;
	}

	/**
	 * Apply relationship linkage to an entity.
	 * @param resource the resource of the entity
	 * @param entity the entity
	 * @param relationship the relationship
	 * @param data the linkage: {@code null}, an identifier or an array of identifiers
	 * @param pointer the JSON pointer of the linkage
	 * @param adding for to-many relationships, whether to add the members instead of replacing
	 */
	public void applyLinkage(ResourceDescriptor resource, Object entity, RelationshipDescriptor relationship,
			JsonNode data, String pointer, boolean adding) {
		if (relationship.toMany()) {
			List<Object> members = resolveAll(relationship, data, pointer);
			if (adding) {
				this.relationships.addToMany(resource, entity, relationship, members);
			}
			else {
				this.relationships.replaceToMany(resource, entity, relationship, members);
			}
		}
		else {
			if (data.isArray()) {
				throw JsonApiException.badDocument(pointer,
						"'" + relationship.name() + "' is a to-one relationship: give an identifier or null");
			}
			Object target = data.isNull() ? null : resolveAll(relationship, data, pointer).get(0);
			this.relationships.setToOne(resource, entity, relationship, target);
		}
	}

	/**
	 * Remove the members a linkage identifies from a to-many relationship; identified resources that
	 * are not members are ignored, but each must exist.
	 * @param resource the resource of the entity
	 * @param entity the entity
	 * @param relationship the to-many relationship
	 * @param data an array of identifiers
	 * @param pointer the JSON pointer of the linkage
	 */
	public void removeLinkage(ResourceDescriptor resource, Object entity, RelationshipDescriptor relationship,
			JsonNode data, String pointer) {
		List<Object> members = resolveAll(relationship, data, pointer);
		this.relationships.removeFromToMany(resource, entity, relationship, members);
	}

	/**
	 * Resolve linkage to the entities it identifies, in one statement; each identifier must be of
	 * the relationship's type and exist.
	 * @param relationship the relationship
	 * @param data an identifier, or an array of identifiers for to-many relationships
	 * @param pointer the JSON pointer of the linkage
	 * @return the entities, in the order given
	 */
	public List<Object> resolveAll(RelationshipDescriptor relationship, JsonNode data, String pointer) {
		ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
		List<JsonNode> identifiers = new ArrayList<>();
		List<String> pointers = new ArrayList<>();
		if (relationship.toMany()) {
			if (data == null || !data.isArray()) {
				throw JsonApiException.badDocument(pointer,
						"'" + relationship.name() + "' is a to-many relationship: give an array of identifiers");
			}
			for (int index = 0; index < data.size(); index++) {
				identifiers.add(data.get(index));
				pointers.add(pointer + "/" + index);
			}
		}
		else {
			identifiers.add(data);
			pointers.add(pointer);
		}
		List<Object> keys = new ArrayList<>();
		for (int index = 0; index < identifiers.size(); index++) {
			keys.add(identifierKey(target, identifiers.get(index), pointers.get(index)));
		}
		Map<Object, Object> found = new HashMap<>();
		if (!keys.isEmpty()) {
			for (Object entity : this.queries.findByKeys(target, keys)) {
				found.put(target.keyOf(entity), entity);
			}
		}
		List<Object> resolved = new ArrayList<>();
		for (int index = 0; index < keys.size(); index++) {
			Object entity = found.get(keys.get(index));
			if (entity == null) {
				throw new JsonApiException(ErrorObject.atPointer(404, "Related resource not found",
						"No '" + target.type() + "' with id '" + identifiers.get(index).get("id").asString() + "'",
						pointers.get(index)));
			}
			resolved.add(entity);
		}
		return resolved;
	}

	private static Object identifierKey(ResourceDescriptor target, JsonNode identifier, String pointer) {
		if (identifier == null || !identifier.isObject()) {
			throw JsonApiException.badDocument(pointer, "A resource identifier must be an object with 'type' and 'id'");
		}
		JsonNode type = identifier.get("type");
		JsonNode id = identifier.get("id");
		if (type == null || !type.isString()) {
			throw JsonApiException.badDocument(pointer, "The resource identifier has no 'type' string");
		}
		if (id == null || !id.isString()) {
			throw JsonApiException.badDocument(pointer, "The resource identifier has no 'id' string");
		}
		if (!type.asString().equals(target.type())) {
			throw JsonApiException.conflict(pointer + "/type",
					"Type '" + type.asString() + "' does not match the relationship's type '" + target.type() + "'");
		}
		return target.id()
			.parse(id.asString())
			.orElseThrow(() -> new JsonApiException(ErrorObject.atPointer(404, "Related resource not found",
					"No '" + target.type() + "' with id '" + id.asString() + "'", pointer)));
	}

}
