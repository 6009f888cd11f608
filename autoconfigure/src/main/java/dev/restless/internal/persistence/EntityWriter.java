package dev.restless.internal.persistence;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.UUID;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.metamodel.TemporalRange;
import dev.restless.internal.metamodel.ValueTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

import org.springframework.util.ClassUtils;

/**
 * Applies the resource object of a request document to an entity: checks its structure, converts
 * attribute values with the application's Jackson mapper and resolves relationship linkage. Every
 * problem is a JSON:API error pointing at the member that caused it; a hidden attribute is
 * answered exactly like an unknown one.
 */
public final class EntityWriter {

	/** More digits than any integer type an attribute can have, and than any column holds. */
	private static final int MAX_INTEGER_DIGITS = 1000;

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
		this.mapper = strict(mapper);
	}

	/**
	 * Apply the attributes and relationships of a resource object to an entity.
	 * @param resource the resource
	 * @param entity a new entity (creating) or a managed one (updating)
	 * @param data the resource object, whose type and id are already checked
	 * @param creating whether the entity is being created
	 * @param pointer the JSON pointer of the resource object
	 * @param replacing called before a to-many relationship of an existing entity is given members
	 * other than its current ones, to refuse that replacement by throwing
	 * @return the relationships whose linkage changed
	 */
	public List<RelationshipDescriptor> apply(ResourceDescriptor resource, Object entity, ObjectNode data,
			boolean creating, String pointer, Consumer<RelationshipDescriptor> replacing) {
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
		List<RelationshipDescriptor> changed = new ArrayList<>();
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
				// The members a new entity starts with replace nothing.
				if (applyLinkage(resource, entity, relationship, object.get("data"), at + "/data", false,
						creating ? (ignored) -> { } : replacing)) {
					changed.add(relationship);
				}
			}
		}
		return changed;
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
		if (name.equals("id") || (resource.id().entityId() && resource.id().isKeyAttribute(name))) {
			return true;
		}
		return resource.version() != null && name.equals(resource.version().name());
	}

	/** The pointer of the first text in a value that holds U+0000, or {@code null}. */
	private static @Nullable String nulCharacterAt(JsonNode value, String pointer) {
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

	private @Nullable Object convert(AttributeDescriptor attribute, JsonNode value, String pointer) {
		Class<?> type = attribute.javaType();
		if (value.isNull()) {
			if (type.isPrimitive()) {
				throw JsonApiException.badDocument(pointer,
						"Attribute '" + attribute.name() + "' cannot be null; give " + ValueTypes.describe(type));
			}
			return null;
		}
		if (!hasExpectedShape(type, value)) {
			// Jackson would coerce it: true or 23 to text, "23" to a number, 0 to a date, [] to null.
			throw JsonApiException.badDocument(pointer,
					"Attribute '" + attribute.name() + "' must be " + ValueTypes.describe(type));
		}
		Object plain = value.isNumber() ? number(attribute, value, pointer) : plainValue(type, value);
		if (plain != null) {
			return plain;
		}
		Object converted;
		try {
			JavaType javaType = this.mapper.constructType(attribute.accessor().genericType());
			converted = this.mapper.treeToValue(value, javaType);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw conversionError(attribute, ex, pointer);
		}
		if (!TemporalRange.contains(converted)) {
			throw JsonApiException.badDocument(pointer, "Attribute '" + attribute.name() + "' must be "
					+ ValueTypes.describe(type) + ", " + TemporalRange.DESCRIPTION);
		}
		return converted;
	}

	/**
	 * Whether a value has the JSON type its attribute's Java type is written with: a string for
	 * text, enums, UUIDs, dates and times, a boolean for booleans, a number for numbers. Other types
	 * (embeddables, collections, maps, records) are left to the mapper.
	 */
	private static boolean hasExpectedShape(Class<?> type, JsonNode value) {
		if (type == String.class || type == char.class || type == Character.class || type.isEnum()
				|| type == UUID.class || isDateOrTime(type)) {
			return value.isString();
		}
		if (type == boolean.class || type == Boolean.class) {
			return value.isBoolean();
		}
		if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
			return value.isNumber();
		}
		return true;
	}

	private static boolean isDateOrTime(Class<?> type) {
		return type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class
				|| type == OffsetDateTime.class || type == OffsetTime.class || type == ZonedDateTime.class
				|| type == Instant.class || Date.class.isAssignableFrom(type) || Calendar.class.isAssignableFrom(type);
	}

	/**
	 * Strings and booleans read the same under every mapper configuration; taking them straight
	 * from the tree skips a deserialiser lookup per value. Anything else returns {@code null} and
	 * goes through the mapper.
	 */
	private static @Nullable Object plainValue(Class<?> type, JsonNode value) {
		if (type == String.class && value.isString()) {
			return value.asString();
		}
		if ((type == Boolean.class || type == boolean.class) && value.isBoolean()) {
			return value.booleanValue();
		}
		return null;
	}

	/**
	 * Convert a JSON number for a number attribute, exactly or not at all: Jackson would drop a
	 * fraction (1.5 becomes 1) and fail on a number too large for a double (1e400) with a server
	 * error. A whole number written with a fraction or an exponent ({@code 37.0}, {@code 1e3}) is
	 * accepted by integer attributes. Number types of other kinds return {@code null} and go
	 * through the mapper.
	 */
	private static @Nullable Object number(AttributeDescriptor attribute, JsonNode value, String pointer) {
		if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.asDouble())) {
			throw outOfRange(attribute, pointer);
		}
		try {
			return exactNumber(attribute, value, pointer);
		}
		catch (JsonNodeException ex) {
			// the node cannot give its value as the type asked for (1e400 as a double)
			throw outOfRange(attribute, pointer);
		}
	}

	private static @Nullable Object exactNumber(AttributeDescriptor attribute, JsonNode value, String pointer) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(attribute.javaType());
		if (type == Double.class) {
			return value.doubleValue();
		}
		if (type == Float.class) {
			return value.floatValue();
		}
		if (type == BigDecimal.class) {
			return value.decimalValue();
		}
		if (!ValueTypes.isIntegral(type)) {
			return null;
		}
		BigDecimal decimal = value.decimalValue();
		if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
			throw JsonApiException.badDocument(pointer,
					"Attribute '" + attribute.name() + "' must be " + ValueTypes.describe(type));
		}
		if (decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
			// checked before the exact conversion, which 1e999999999 would make take minutes
			throw outOfRange(attribute, pointer);
		}
		BigInteger whole = decimal.toBigIntegerExact();
		if (type == BigInteger.class) {
			return whole;
		}
		int bits = (type == Long.class) ? 63 : (type == Integer.class) ? 31 : (type == Short.class) ? 15 : 7;
		if (whole.bitLength() > bits) {
			throw outOfRange(attribute, pointer);
		}
		long number = whole.longValue();
		return (type == Long.class) ? (Object) number : (type == Integer.class) ? (Object) (int) number
				: (type == Short.class) ? (Object) (short) number : (Object) (byte) number;
	}

	private static JsonApiException outOfRange(AttributeDescriptor attribute, String pointer) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(attribute.javaType());
		String range = (type == Long.class) ? " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
				: (type == Integer.class) ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
						: (type == Short.class) ? " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE
								: (type == Byte.class) ? " from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE : "";
		return JsonApiException.badDocument(pointer, "Attribute '" + attribute.name() + "' is out of range: it must be "
				+ ValueTypes.describe(type) + range);
	}

	/**
	 * The error for a value the mapper refused, pointing inside the value where Jackson says the
	 * problem is: an unknown member of an embeddable ({@code /data/attributes/address/planet}), or
	 * a member of the wrong type. A hidden member is answered exactly like an unknown one.
	 */
	private static JsonApiException conversionError(AttributeDescriptor attribute, RuntimeException ex,
			String pointer) {
		StringBuilder at = new StringBuilder(pointer);
		StringBuilder member = new StringBuilder();
		if (ex instanceof JacksonException jackson) {
			for (JacksonException.Reference reference : jackson.getPath()) {
				String segment = (reference.getPropertyName() != null) ? reference.getPropertyName()
						: (reference.getIndex() >= 0) ? Integer.toString(reference.getIndex()) : null;
				if (segment != null) {
					at.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
					member.append(member.isEmpty() ? "" : "/").append(segment);
				}
			}
		}
		if (ex instanceof PropertyBindingException unknown && !member.isEmpty()) {
			return JsonApiException.badDocument(at.toString(), "Attribute '" + attribute.name()
					+ "' has no member '" + member + "'");
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !member.isEmpty()) {
			return JsonApiException.badDocument(at.toString(), "Member '" + member + "' of attribute '"
					+ attribute.name() + "' must be " + ValueTypes.describe(mismatch.getTargetType()));
		}
		return JsonApiException.badDocument(at.toString(),
				"Attribute '" + attribute.name() + "' must be " + ValueTypes.describe(attribute.javaType()));
	}

	/**
	 * The application's mapper, made strict for the values inside structured attributes: members an
	 * embeddable does not have (or hides) are refused rather than dropped, and scalars are not
	 * coerced from another JSON type, as at the top level of {@code attributes}.
	 */
	private static ObjectMapper strict(ObjectMapper mapper) {
		MapperBuilder<?, ?> builder = mapper.rebuild();
		builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
				DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
		builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
		builder.withCoercionConfig(LogicalType.Textual, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		for (LogicalType scalar : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
				LogicalType.DateTime, LogicalType.Enum }) {
			builder.withCoercionConfig(scalar, (config) -> config
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail));
		}
		builder.withCoercionConfig(LogicalType.Boolean, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
		for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
			builder.withCoercionConfig(number, (config) -> config
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		}
		builder.withCoercionConfig(LogicalType.DateTime, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
		builder.withCoercionConfig(LogicalType.Enum, (config) -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
		return builder.build();
	}

	/**
	 * The members a replacement of a to-many relationship gives, and the current members outside
	 * the caller's scope, which the caller can neither see nor name, so a replacement keeps them
	 * (one statement, where the target resource restricts the caller's rows).
	 */
	private List<Object> withHiddenMembers(Object entity, RelationshipDescriptor relationship, List<Object> members) {
		ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
		if (!this.queries.restricts(target) || !(relationship.accessor().get(entity) instanceof Collection<?> current)
				|| current.isEmpty()) {
			return members;
		}
		Map<Object, Object> hidden = new LinkedHashMap<>();
		for (Object member : current) {
			hidden.put(target.keyOf(member), member);
		}
		for (Object visible : this.queries.findByKeys(target, List.copyOf(hidden.keySet()))) {
			hidden.remove(target.keyOf(visible));
		}
		if (hidden.isEmpty()) {
			return members;
		}
		List<Object> kept = new ArrayList<>(members);
		kept.addAll(hidden.values());
		return kept;
	}

	/**
	 * Apply relationship linkage to an entity.
	 * @param resource the resource of the entity
	 * @param entity the entity
	 * @param relationship the relationship
	 * @param data the linkage: {@code null}, an identifier or an array of identifiers
	 * @param pointer the JSON pointer of the linkage
	 * @param adding for to-many relationships, whether to add the members instead of replacing
	 * @param replacing called before the members of a to-many relationship are replaced with
	 * others, to refuse that replacement by throwing; sending exactly the current members (in any
	 * order) replaces nothing, so that a client can send back the resource it read
	 * @return whether the linkage changed
	 */
	public boolean applyLinkage(ResourceDescriptor resource, Object entity, RelationshipDescriptor relationship,
			JsonNode data, String pointer, boolean adding, Consumer<RelationshipDescriptor> replacing) {
		if (relationship.toMany()) {
			List<Object> members = resolveAll(relationship, data, pointer);
			if (adding) {
				return this.relationships.addToMany(resource, entity, relationship, members);
			}
			members = withHiddenMembers(entity, relationship, members);
			if (this.relationships.hasExactly(entity, relationship, members)) {
				return false;
			}
			replacing.accept(relationship);
			return this.relationships.replaceToMany(resource, entity, relationship, members);
		}
		if (data.isArray()) {
			throw JsonApiException.badDocument(pointer,
					"'" + relationship.name() + "' is a to-one relationship: give an identifier or null");
		}
		Object target = data.isNull() ? null : resolveAll(relationship, data, pointer).get(0);
		return this.relationships.setToOne(resource, entity, relationship, target);
	}

	/**
	 * Remove the members a linkage identifies from a to-many relationship; identified resources that
	 * are not members are ignored, but each must exist.
	 * @param resource the resource of the entity
	 * @param entity the entity
	 * @param relationship the to-many relationship
	 * @param data an array of identifiers
	 * @param pointer the JSON pointer of the linkage
	 * @return whether any member was removed
	 */
	public boolean removeLinkage(ResourceDescriptor resource, Object entity, RelationshipDescriptor relationship,
			JsonNode data, String pointer) {
		List<Object> members = resolveAll(relationship, data, pointer);
		return this.relationships.removeFromToMany(resource, entity, relationship, members);
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
