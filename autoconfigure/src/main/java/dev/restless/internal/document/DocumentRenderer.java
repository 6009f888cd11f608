package dev.restless.internal.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.ResourceMethod;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.graph.ResourceGraph;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders entities as JSON:API documents: resource objects with attributes written by the
 * application's Jackson mapper, relationships with links and linkage, compound documents with
 * {@code included}, and sparse fieldsets. A resource whose entity has a JPA {@code @Version} carries
 * it as {@code meta.version}. It renders what was loaded before (a {@link ResourceGraph}) and never
 * touches the database.
 */
public final class DocumentRenderer {

	/** The JSON:API version this implementation speaks. */
	public static final String JSONAPI_VERSION = "1.1";

	private final ResourceRegistry registry;

	private final ObjectMapper mapper;

	private final FieldVisibility visibility;

	private final boolean datesAsText;

	private final Map<Class<?>, Boolean> enumsByName = new ConcurrentHashMap<>();

	/**
	 * Create a renderer.
	 * @param registry the exposed resources
	 * @param mapper the application's JSON mapper, which writes attribute values
	 */
	public DocumentRenderer(ResourceRegistry registry, ObjectMapper mapper) {
		this(registry, mapper, FieldVisibility.ALL);
	}

	/**
	 * Create a renderer for callers who may read only some fields: it renders only those.
	 * @param registry the exposed resources
	 * @param mapper the application's JSON mapper
	 * @param visibility the fields the caller may read
	 */
	public DocumentRenderer(ResourceRegistry registry, ObjectMapper mapper, FieldVisibility visibility) {
		this.registry = registry;
		this.mapper = mapper;
		this.visibility = visibility;
		// Asked once: whether this mapper writes a LocalDate as its ISO text, as Jackson does unless
		// configured to write timestamps.
		LocalDate probe = LocalDate.of(2001, 2, 3);
		JsonNode written = mapper.valueToTree(probe);
		this.datesAsText = written.isString() && written.asString().equals(probe.toString());
	}

	/**
	 * A new top-level document with the {@code jsonapi} member.
	 * @return the document
	 */
	public ObjectNode newDocument() {
		ObjectNode document = this.mapper.createObjectNode();
		document.putObject("jsonapi").put("version", JSONAPI_VERSION);
		return document;
	}

	/**
	 * A document whose primary data is a collection of resources.
	 * @param resource the resource of the entities
	 * @param entities the entities
	 * @param graph the entities' graph, loaded with them
	 * @param options URLs, includes and fieldsets
	 * @return the document, without top-level links or meta
	 */
	public ObjectNode collectionDocument(ResourceDescriptor resource, List<Object> entities, ResourceGraph graph,
			RenderOptions options) {
		Rendering rendering = new Rendering(options, graph);
		ObjectNode document = newDocument();
		ArrayNode data = document.putArray("data");
		for (Object entity : entities) {
			// A collection of a superclass shows each row as the resource of its own type.
			data.add(rendering.resourceObject(this.registry.ownResource(resource, entity), entity));
		}
		rendering.writeIncluded(document);
		return document;
	}

	/**
	 * A document whose primary data is one resource or {@code null}.
	 * @param resource the resource of the entity
	 * @param entity the entity, or {@code null}
	 * @param graph the entity's graph, loaded with it
	 * @param options URLs, includes and fieldsets
	 * @return the document, without top-level links or meta
	 */
	public ObjectNode resourceDocument(ResourceDescriptor resource, @Nullable Object entity, ResourceGraph graph,
			RenderOptions options) {
		Rendering rendering = new Rendering(options, graph);
		ObjectNode document = newDocument();
		if (entity == null) {
			document.putNull("data");
		}
		else {
			document.set("data", rendering.resourceObject(this.registry.ownResource(resource, entity), entity));
		}
		rendering.writeIncluded(document);
		return document;
	}

	/**
	 * Whether the documents show the URLs of a resource: its own, and the relationship and related
	 * URLs of its relationships. They are all read with {@code GET}, so for a resource without
	 * {@code GET} enabled they would only answer {@code 405}; such a resource is rendered without
	 * them (a {@code 201} keeps its {@code Location} header, which the specification requires).
	 * @param resource the resource
	 * @return whether its URLs answer {@code GET}
	 */
	public static boolean hasLinks(ResourceDescriptor resource) {
		return resource.allows(ResourceMethod.GET);
	}

	/**
	 * A resource identifier object.
	 * @param resource the resource of the entity
	 * @param entity the entity or a proxy of it (not loaded when its key is its id)
	 * @return the identifier
	 */
	public ObjectNode identifier(ResourceDescriptor resource, Object entity) {
		ObjectNode identifier = this.mapper.createObjectNode();
		identifier.put("type", resource.type());
		identifier.put("id", resource.idOf(entity));
		return identifier;
	}

	/**
	 * Write an attribute value with the application's mapper.
	 * @param value the value
	 * @return its JSON
	 */
	public JsonNode attributeValue(@Nullable Object value) {
		// Plain strings, integers and booleans are written the same by every mapper
		// configuration; building their nodes directly skips a serialisation round trip per value.
		JsonNodeFactory nodes = this.mapper.getNodeFactory();
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof String text) {
			return nodes.stringNode(text);
		}
		if (value instanceof Integer number) {
			return nodes.numberNode(number.intValue());
		}
		if (value instanceof Long number) {
			return nodes.numberNode(number.longValue());
		}
		if (value instanceof Boolean bool) {
			return nodes.booleanNode(bool);
		}
		if (value instanceof LocalDate date && this.datesAsText) {
			return nodes.stringNode(date.toString());
		}
		if (value instanceof Enum<?> constant && writesEnumByName(constant.getDeclaringClass())) {
			return nodes.stringNode(constant.name());
		}
		return this.mapper.valueToTree(value);
	}

	/**
	 * Whether the mapper writes every constant of an enum as its name (the default, unless the enum
	 * or the mapper is configured otherwise), asked once per enum class.
	 */
	private boolean writesEnumByName(Class<?> enumClass) {
		return this.enumsByName.computeIfAbsent(enumClass, (type) -> {
			for (Object constant : type.getEnumConstants()) {
				JsonNode written = this.mapper.valueToTree(constant);
				if (!written.isString() || !written.asString().equals(((Enum<?>) constant).name())) {
					return false;
				}
			}
			return true;
		});
	}

	/**
	 * How to render a document.
	 *
	 * @param urls the request's URLs
	 * @param includes the include paths
	 * @param fields sparse fieldsets by type (a type without an entry renders every field)
	 */
	public record RenderOptions(ApiUrls urls, List<String> includes, Map<String, Set<String>> fields) {
	}

	/** The state of rendering one document. */
	private final class Rendering {

		private final RenderOptions options;

		private final ResourceGraph graph;

		Rendering(RenderOptions options, ResourceGraph graph) {
			this.options = options;
			this.graph = graph;
		}

		/** {@code included}: every resource of the graph that is not primary data, once. */
		void writeIncluded(ObjectNode document) {
			if (this.graph.includes().isEmpty()) {
				return;
			}
			ArrayNode array = document.putArray("included");
			for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : this.graph.resources().entrySet()) {
				ResourceDescriptor resource = entry.getKey();
				entry.getValue().forEach((key, entity) -> {
					if (!this.graph.isPrimary(resource, key)) {
						// a row reached through a relationship is served under its own type
						array.add(resourceObject(DocumentRenderer.this.registry.ownResource(resource, entity), entity));
					}
				});
			}
		}

		private boolean rendersField(ResourceDescriptor resource, String name) {
			Set<String> fieldset = this.options.fields().get(resource.type());
			return (fieldset == null || fieldset.contains(name))
					&& DocumentRenderer.this.visibility.readable(resource, name);
		}

		ObjectNode resourceObject(ResourceDescriptor resource, Object entity) {
			ApiUrls urls = this.options.urls();
			boolean linked = hasLinks(resource);
			ObjectNode node = DocumentRenderer.this.mapper.createObjectNode();
			String id = resource.idOf(entity);
			node.put("type", resource.type());
			node.put("id", id);
			ObjectNode attributes = node.putObject("attributes");
			for (AttributeDescriptor attribute : resource.attributes().values()) {
				if (!attribute.writeOnly() && rendersField(resource, attribute.name())) {
					attributes.set(attribute.name(), attributeValue(attribute.accessor().get(entity)));
				}
			}
			if (attributes.isEmpty()) {
				node.remove("attributes");
			}
			// Every link of the resource starts with its URL: built once, not once per link.
			String self = linked ? urls.resource(resource.type(), id) : null;
			ObjectNode relationships = node.putObject("relationships");
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				if (!rendersField(resource, relationship.name())) {
					continue;
				}
				ObjectNode object = relationships.putObject(relationship.name());
				if (linked) {
					ObjectNode links = object.putObject("links");
					links.put("self", ApiUrls.relationshipOf(self, relationship.name()));
					links.put("related", ApiUrls.relatedOf(self, relationship.name()));
				}
				ResourceDescriptor target = DocumentRenderer.this.registry.find(relationship.targetClass())
					.orElseThrow();
				if (relationship.toMany()) {
					List<Object> members = this.graph.members(relationship, resource.keyOf(entity));
					if (members != null) {
						ArrayNode data = object.putArray("data");
						for (Object key : members) {
							data.addObject()
								.put("type", this.graph.ownResourceOf(target, key).type())
								.put("id", target.id().format(key));
						}
					}
					else if (!linked) {
						// Neither links nor linkage: a relationship object needs one of them.
						relationships.remove(relationship.name());
					}
				}
				else {
					Object value = relationship.accessor().get(entity);
					if (value == null || this.graph.isHidden(target, target.keyOf(value))) {
						object.putNull("data");
					}
					else {
						object.set("data", identifier(this.graph.ownResourceOf(target, target.keyOf(value)), value));
					}
				}
			}
			if (relationships.isEmpty()) {
				node.remove("relationships");
			}
			if (linked) {
				node.putObject("links").put("self", self);
			}
			if (resource.version() != null) {
				// The version is what a client sends back to make its write conditional.
				node.putObject("meta").set("version", attributeValue(resource.version().get(entity)));
			}
			return node;
		}

	}

}
