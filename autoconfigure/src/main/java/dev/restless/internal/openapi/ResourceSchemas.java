package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.ResourceMethod;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The component schemas of one resource: its resource object and identifier, its attributes and
 * relationships as responses show them and as requests may send them, and the documents of its
 * endpoints. Hidden and excluded fields appear nowhere; write-only attributes only in requests.
 */
final class ResourceSchemas {

	static final String CREATE_ATTRIBUTES = "create-attributes";

	static final String UPDATE_ATTRIBUTES = "update-attributes";

	static final String REQUEST_RELATIONSHIPS = "request-relationships";

	static final String OPTIONAL_DOCUMENT = "optional-document";

	static final String TO_ONE_LINKAGE_DOCUMENT = "to-one-linkage-document";

	static final String TO_MANY_LINKAGE_DOCUMENT = "to-many-linkage-document";

	static final String TO_ONE_LINKAGE_REQUEST = "to-one-linkage-request";

	static final String TO_MANY_LINKAGE_REQUEST = "to-many-linkage-request";

	private final ResourceTypes types;

	ResourceSchemas(ResourceTypes types) {
		this.types = types;
	}

	/**
	 * Add the schemas of a resource.
	 * @param resource the resource
	 * @param schemas the component schemas to add to
	 */
	void addTo(ResourceDescriptor resource, Map<String, Schema> schemas) {
		schemas.put(ComponentNames.of(resource, ComponentNames.IDENTIFIER), identifier(resource));
		schemas.put(ComponentNames.of(resource, ComponentNames.ATTRIBUTES), responseAttributes(resource));
		schemas.put(ComponentNames.of(resource, ComponentNames.RELATIONSHIPS), responseRelationships(resource));
		schemas.put(ComponentNames.of(resource, ComponentNames.RESOURCE), resourceObject(resource));
		schemas.put(ComponentNames.of(resource, ComponentNames.ANY_RESOURCE), JsonSchemas.oneOf(this.types
			.servedAs(resource)
			.stream()
			.map((type) -> JsonSchemas.ref(ComponentNames.of(type, ComponentNames.RESOURCE)))
			.toList()));
		schemas.put(ComponentNames.of(resource, ComponentNames.INCLUDED), included(resource));
		schemas.put(ComponentNames.of(resource, ComponentNames.DOCUMENT), document(resource, false));
		schemas.put(ComponentNames.of(resource, OPTIONAL_DOCUMENT), document(resource, true));
		schemas.put(ComponentNames.of(resource, ComponentNames.COLLECTION_DOCUMENT), collectionDocument(resource));
		schemas.put(ComponentNames.of(resource, TO_ONE_LINKAGE_DOCUMENT), linkageDocument(resource, false));
		schemas.put(ComponentNames.of(resource, TO_MANY_LINKAGE_DOCUMENT), linkageDocument(resource, true));
		schemas.put(ComponentNames.of(resource, TO_ONE_LINKAGE_REQUEST), linkageRequest(resource, false));
		schemas.put(ComponentNames.of(resource, TO_MANY_LINKAGE_REQUEST), linkageRequest(resource, true));
		if (resource.allows(ResourceMethod.POST) || resource.allows(ResourceMethod.PATCH)) {
			schemas.put(ComponentNames.of(resource, REQUEST_RELATIONSHIPS), requestRelationships(resource));
		}
		if (resource.allows(ResourceMethod.POST)) {
			schemas.put(ComponentNames.of(resource, CREATE_ATTRIBUTES), requestAttributes(resource, true));
			schemas.put(ComponentNames.of(resource, ComponentNames.CREATE_DOCUMENT), createDocument(resource));
		}
		if (resource.allows(ResourceMethod.PATCH)) {
			schemas.put(ComponentNames.of(resource, UPDATE_ATTRIBUTES), requestAttributes(resource, false));
			schemas.put(ComponentNames.of(resource, ComponentNames.UPDATE_DOCUMENT), updateDocument(resource));
		}
	}

	private Schema<Object> identifier(ResourceDescriptor resource) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", JsonSchemas.oneOfTexts(this.types.typeNames(resource)));
		properties.put("id", idSchema(resource));
		properties.put("meta", JsonSchemas.ref(SharedSchemas.META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("type", "id")),
				"Identifies a resource of '" + resource.type() + "'");
	}

	private static Schema<Object> idSchema(ResourceDescriptor resource) {
		Schema<Object> id = resource.id().composite() ? JsonSchemas.string()
				: AttributeSchemas.idText(resource.id().javaType());
		id.setDescription(resource.id().composite() ? "The key's components joined by ',' (with '%' written "
				+ "'%25' and ',' written '%2C' inside a component)" : "The resource's id, as a string");
		return id;
	}

	private static Schema<Object> responseAttributes(ResourceDescriptor resource) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.writeOnly()) {
				continue;
			}
			Schema<Object> schema = AttributeSchemas.of(resource.entityClass(), attribute);
			if (attribute.readOnly()) {
				schema.setReadOnly(Boolean.TRUE);
			}
			properties.put(attribute.name(), schema);
		}
		// Not required: sparse fieldsets leave attributes out.
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of()),
				"The attributes of '" + resource.type() + "' (a sparse fieldset shows only those asked for)");
	}

	private static Schema<Object> requestAttributes(ResourceDescriptor resource, boolean create) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.readOnly() || (!create && !attribute.updatable())) {
				continue;
			}
			Schema<Object> schema = AttributeSchemas.of(resource.entityClass(), attribute);
			if (attribute.writeOnly()) {
				schema.setWriteOnly(Boolean.TRUE);
			}
			properties.put(attribute.name(), schema);
			if (create && AttributeSchemas.requiredOnCreate(resource.entityClass(), attribute)) {
				required.add(attribute.name());
			}
		}
		return JsonSchemas.described(JsonSchemas.closedObject(properties, required), create
				? "The attributes a new '" + resource.type() + "' may be given; the others keep their defaults"
				: "The attributes of '" + resource.type() + "' that may be changed; those not sent keep their values");
	}

	private Schema<Object> linkage(RelationshipDescriptor relationship) {
		Schema<Object> identifier = JsonSchemas
			.ref(ComponentNames.of(this.types.target(relationship), ComponentNames.IDENTIFIER));
		return relationship.toMany() ? JsonSchemas.arrayOf(identifier) : JsonSchemas.orNull(identifier);
	}

	private Schema<Object> responseRelationships(ResourceDescriptor resource) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			Map<String, Schema> members = new LinkedHashMap<>();
			members.put("links", JsonSchemas.ref(SharedSchemas.RELATIONSHIP_LINKS));
			members.put("data", linkage(relationship));
			members.put("meta", JsonSchemas.ref(SharedSchemas.META));
			Schema<Object> object = JsonSchemas.closedObject(members, List.of());
			object.setDescription((relationship.toMany() ? "To-many" : "To-one") + " relationship to '"
					+ this.types.target(relationship).type() + "'");
			properties.put(relationship.name(), object);
		}
		return JsonSchemas.closedObject(properties, List.of());
	}

	private Schema<Object> requestRelationships(ResourceDescriptor resource) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			properties.put(relationship.name(),
					JsonSchemas.closedObject(Map.of("data", linkage(relationship)), List.of("data")));
		}
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of()),
				"Relationships to set, each with its complete linkage");
	}

	private Schema<Object> resourceObject(ResourceDescriptor resource) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", JsonSchemas.constant(resource.type()));
		Schema<Object> id = idSchema(resource);
		if (resource.id().generated()) {
			id.setReadOnly(Boolean.TRUE);
		}
		properties.put("id", id);
		properties.put("attributes", JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.ATTRIBUTES)));
		properties.put("relationships", JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.RELATIONSHIPS)));
		properties.put("links", JsonSchemas.closedObject(Map.of("self", SharedSchemas.link()), List.of()));
		Map<String, Schema> meta = new LinkedHashMap<>();
		if (resource.version() != null) {
			Schema<Object> version = JsonSchemas.described(JsonSchemas.of("integer", "number", "string"),
					"The version: send it back as meta.version, or the ETag as If-Match, to change only this version");
			version.setReadOnly(Boolean.TRUE);
			meta.put("version", version);
		}
		meta.put("page", JsonSchemas.described(
				JsonSchemas.openObject(Map.of("cursor", JsonSchemas.string())),
				"The resource's cursor in a cursor page"));
		properties.put("meta", JsonSchemas.openObject(meta));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("type", "id")),
				"A resource object of '" + resource.type() + "'");
	}

	private Schema<Object> included(ResourceDescriptor resource) {
		List<Schema<Object>> alternatives = this.types.includable(resource)
			.stream()
			.map((type) -> JsonSchemas.ref(ComponentNames.of(type, ComponentNames.RESOURCE)))
			.toList();
		Schema<Object> included = JsonSchemas.arrayOf(alternatives.isEmpty() ? JsonSchemas.of()
				: JsonSchemas.oneOf(alternatives));
		if (alternatives.isEmpty()) {
			included.setMaxItems(0);
		}
		return JsonSchemas.described(included, "The related resources asked for with include");
	}

	private static Map<String, Schema> topLevel(Schema<Object> data, Schema<Object> included) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("jsonapi", JsonSchemas.ref(SharedSchemas.JSONAPI));
		properties.put("data", data);
		properties.put("included", included);
		properties.put("links", JsonSchemas.ref(SharedSchemas.LINKS));
		Map<String, Schema> meta = new LinkedHashMap<>();
		meta.put("total", JsonSchemas.described(JsonSchemas.integer(),
				"How many resources match, over all pages (an estimate where totalEstimated is true)"));
		meta.put("totalEstimated", JsonSchemas.described(JsonSchemas.of("boolean"),
				"Present and true when total is the database's estimate rather than a count"));
		properties.put("meta", JsonSchemas.openObject(meta));
		return properties;
	}

	private Schema<Object> document(ResourceDescriptor resource, boolean optional) {
		Schema<Object> data = JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.ANY_RESOURCE));
		return JsonSchemas.described(
				JsonSchemas.closedObject(topLevel(optional ? JsonSchemas.orNull(data) : data,
						JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.INCLUDED))), List.of("data")),
				optional ? "A document of one '" + resource.type() + "', or of null where there is none"
						: "A document of one '" + resource.type() + "'");
	}

	private Schema<Object> collectionDocument(ResourceDescriptor resource) {
		String resourceName = ComponentNames.of(resource, ComponentNames.ANY_RESOURCE);
		Schema<Object> one = JsonSchemas.ref(resourceName);
		Schema<Object> page = JsonSchemas.arrayOf(JsonSchemas.ref(resourceName));
		Schema<Object> data = JsonSchemas.described(JsonSchemas.oneOf(List.of(page, one)),
				"A page of resources; the one resource matching, with filter[single]=1");
		return JsonSchemas.described(JsonSchemas.closedObject(
				topLevel(data, JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.INCLUDED))),
				List.of("data")), "A page of '" + resource.type() + "', with pagination links and meta.total");
	}

	private Schema<Object> linkageDocument(ResourceDescriptor target, boolean toMany) {
		String identifierName = ComponentNames.of(target, ComponentNames.IDENTIFIER);
		Schema<Object> identifier = JsonSchemas.ref(identifierName);
		Schema<Object> data = toMany
				? JsonSchemas.oneOf(List.of(JsonSchemas.arrayOf(identifier), JsonSchemas.ref(identifierName)))
				: JsonSchemas.orNull(identifier);
		return JsonSchemas.described(JsonSchemas.closedObject(
				topLevel(data, JsonSchemas.arrayOf(JsonSchemas.ref(SharedSchemas.ANY_RESOURCE))), List.of("data")),
				"The linkage of a " + (toMany ? "to-many" : "to-one") + " relationship to '" + target.type() + "'");
	}

	private Schema<Object> linkageRequest(ResourceDescriptor target, boolean toMany) {
		Schema<Object> identifier = JsonSchemas.ref(ComponentNames.of(target, ComponentNames.IDENTIFIER));
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("data", toMany ? JsonSchemas.arrayOf(identifier) : JsonSchemas.orNull(identifier));
		properties.put("meta", JsonSchemas.ref(SharedSchemas.META));
		properties.put("jsonapi", JsonSchemas.ref(SharedSchemas.JSONAPI));
		return JsonSchemas.closedObject(properties, List.of("data"));
	}

	private Schema<Object> createDocument(ResourceDescriptor resource) {
		Map<String, Schema> data = new LinkedHashMap<>();
		data.put("type", JsonSchemas.constant(resource.type()));
		List<String> required = new ArrayList<>(List.of("type"));
		if (resource.allowClientGeneratedIds()) {
			data.put("id", JsonSchemas.described(idSchema(resource), "The id the client assigns"));
		}
		data.put("attributes", JsonSchemas.ref(ComponentNames.of(resource, CREATE_ATTRIBUTES)));
		data.put("relationships", JsonSchemas.ref(ComponentNames.of(resource, REQUEST_RELATIONSHIPS)));
		data.put("meta", JsonSchemas.ref(SharedSchemas.META));
		return requestDocument(JsonSchemas.closedObject(data, required),
				"A request to create a '" + resource.type() + "'");
	}

	private Schema<Object> updateDocument(ResourceDescriptor resource) {
		Map<String, Schema> data = new LinkedHashMap<>();
		data.put("type", JsonSchemas.constant(resource.type()));
		data.put("id", JsonSchemas.described(idSchema(resource), "Must be the id in the URL"));
		data.put("attributes", JsonSchemas.ref(ComponentNames.of(resource, UPDATE_ATTRIBUTES)));
		data.put("relationships", JsonSchemas.ref(ComponentNames.of(resource, REQUEST_RELATIONSHIPS)));
		Map<String, Schema> meta = new LinkedHashMap<>();
		if (resource.version() != null) {
			meta.put("version", JsonSchemas.described(JsonSchemas.of("integer", "number", "string"),
					"The version the change expects (as If-Match does)"));
		}
		data.put("meta", JsonSchemas.openObject(meta));
		return requestDocument(JsonSchemas.closedObject(data, List.of("type", "id")),
				"A request to change a '" + resource.type() + "': only the members sent change");
	}

	private static Schema<Object> requestDocument(Schema<Object> data, String description) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("data", data);
		properties.put("jsonapi", JsonSchemas.ref(SharedSchemas.JSONAPI));
		properties.put("meta", JsonSchemas.ref(SharedSchemas.META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("data")), description);
	}

}
