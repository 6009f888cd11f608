package dev.restless.internal.document;

import dev.restless.internal.query.IncludeTree;
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

import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.ResourceQueries;
import org.hibernate.Hibernate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders entities as JSON:API documents: resource objects with attributes written by the
 * application's Jackson mapper, relationships with links and linkage, compound documents with
 * {@code included}, and sparse fieldsets. A resource whose entity has a JPA {@code @Version} carries
 * it as {@code meta.version}. The SQL it costs is fixed per document, not per resource: one
 * statement per rendered to-many relationship type and per include level.
 */
public final class DocumentRenderer {

	/** The JSON:API version this implementation speaks. */
	public static final String JSONAPI_VERSION = "1.1";

	private final ResourceRegistry registry;

	private final ResourceQueries queries;

	private final ObjectMapper mapper;

	private final boolean datesAsText;

	private final Map<Class<?>, Boolean> enumsByName = new ConcurrentHashMap<>();

	/**
	 * Create a renderer.
	 * @param registry the exposed resources
	 * @param queries loads linkage and included resources
	 * @param mapper the application's JSON mapper, which writes attribute values
	 */
	public DocumentRenderer(ResourceRegistry registry, ResourceQueries queries, ObjectMapper mapper) {
		this.registry = registry;
		this.queries = queries;
		this.mapper = mapper;
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
	 * @param options URLs, includes and fieldsets
	 * @return the document, without top-level links or meta
	 */
	public ObjectNode collectionDocument(ResourceDescriptor resource, List<Object> entities, RenderOptions options) {
		Rendering rendering = new Rendering(options);
		rendering.prepare(resource, entities);
		ObjectNode document = newDocument();
		ArrayNode data = document.putArray("data");
		for (Object entity : entities) {
			data.add(rendering.resourceObject(resource, entity));
		}
		rendering.writeIncluded(document);
		return document;
	}

	/**
	 * A document whose primary data is one resource or {@code null}.
	 * @param resource the resource of the entity
	 * @param entity the entity, or {@code null}
	 * @param options URLs, includes and fieldsets
	 * @return the document, without top-level links or meta
	 */
	public ObjectNode resourceDocument(ResourceDescriptor resource, Object entity, RenderOptions options) {
		Rendering rendering = new Rendering(options);
		ObjectNode document = newDocument();
		if (entity == null) {
			document.putNull("data");
		}
		else {
			rendering.prepare(resource, List.of(entity));
			document.set("data", rendering.resourceObject(resource, entity));
		}
		rendering.writeIncluded(document);
		return document;
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
	public JsonNode attributeValue(Object value) {
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

		private final IncludeTree includes;

		/** Every resource in the document (primary first) by type and key. */
		private final Map<ResourceDescriptor, Map<Object, Object>> resources = new LinkedHashMap<>();

		private final Set<List<Object>> primary = new HashSet<>();

		/** Known to-many members (keys) per relationship and owner key. */
		private final Map<RelationshipDescriptor, Map<Object, List<Object>>> toMany = new IdentityHashMap<>();

		private final List<ObjectNode> included = new ArrayList<>();

		Rendering(RenderOptions options) {
			this.options = options;
			this.includes = IncludeTree.of(options.includes());
		}

		void prepare(ResourceDescriptor resource, List<Object> entities) {
			Map<Object, Object> byKey = this.resources.computeIfAbsent(resource, (r) -> new LinkedHashMap<>());
			for (Object entity : entities) {
				Object key = resource.keyOf(entity);
				byKey.put(key, entity);
				this.primary.add(List.of(resource.type(), key));
			}
			expand(resource, entities, this.includes);
			loadLinkage();
			renderIncluded();
		}

		private void expand(ResourceDescriptor resource, Collection<Object> entities, IncludeTree tree) {
			for (Map.Entry<String, IncludeTree> child : tree.children().entrySet()) {
				RelationshipDescriptor relationship = resource.relationship(child.getKey()).orElseThrow();
				ResourceDescriptor target = DocumentRenderer.this.registry.find(relationship.targetClass())
					.orElseThrow();
				Map<Object, Object> known = this.resources.computeIfAbsent(target, (r) -> new LinkedHashMap<>());
				Map<Object, Object> related = new LinkedHashMap<>();
				if (relationship.toMany()) {
					Map<Object, List<Object>> linkage = this.toMany.computeIfAbsent(relationship,
							(r) -> new HashMap<>());
					List<Object> owners = keys(resource, entities);
					Map<Object, List<Object>> members = DocumentRenderer.this.queries.toManyMembers(resource,
							relationship, owners, true);
					for (Object owner : owners) {
						List<Object> memberKeys = new ArrayList<>();
						for (Object member : members.getOrDefault(owner, List.of())) {
							Object key = target.keyOf(member);
							memberKeys.add(key);
							related.put(key, known.getOrDefault(key, member));
						}
						linkage.put(owner, memberKeys);
					}
				}
				else {
					List<Object> missing = new ArrayList<>();
					for (Object entity : entities) {
						Object value = relationship.accessor().get(entity);
						if (value == null) {
							continue;
						}
						Object key = target.keyOf(value);
						if (known.containsKey(key)) {
							related.put(key, known.get(key));
						}
						else if (Hibernate.isInitialized(value)) {
							related.put(key, Hibernate.unproxy(value));
						}
						else {
							missing.add(key);
						}
					}
					if (!missing.isEmpty()) {
						for (Object loaded : DocumentRenderer.this.queries.findByKeys(target, missing)) {
							related.put(target.keyOf(loaded), loaded);
						}
					}
				}
				related.forEach(known::putIfAbsent);
				expand(target, related.values(), child.getValue());
			}
		}

		private List<Object> keys(ResourceDescriptor resource, Collection<Object> entities) {
			List<Object> keys = new ArrayList<>(entities.size());
			for (Object entity : entities) {
				keys.add(resource.keyOf(entity));
			}
			return keys;
		}

		private void loadLinkage() {
			for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : this.resources.entrySet()) {
				ResourceDescriptor resource = entry.getKey();
				if (!resource.toManyLinkage() || entry.getValue().isEmpty()) {
					continue;
				}
				for (RelationshipDescriptor relationship : resource.relationships().values()) {
					if (!relationship.toMany() || !rendersField(resource, relationship.name())) {
						continue;
					}
					Map<Object, List<Object>> linkage = this.toMany.computeIfAbsent(relationship,
							(r) -> new HashMap<>());
					List<Object> missing = new ArrayList<>();
					entry.getValue().forEach((key, entity) -> {
						if (!linkage.containsKey(key)) {
							List<Object> inMemory = loadedMembers(relationship, entity);
							if (inMemory != null) {
								linkage.put(key, inMemory);
							}
							else {
								missing.add(key);
							}
						}
					});
					if (missing.isEmpty()) {
						continue;
					}
					Map<Object, List<Object>> members = DocumentRenderer.this.queries.toManyMembers(resource,
							relationship, missing, false);
					for (Object owner : missing) {
						linkage.put(owner, members.getOrDefault(owner, List.of()));
					}
				}
			}
		}

		/**
		 * The member keys of a to-many relationship that is already in memory (a new entity's
		 * collection, or one loaded earlier in the transaction), in key order like the linkage
		 * query; {@code null} when it would have to be loaded.
		 */
		private List<Object> loadedMembers(RelationshipDescriptor relationship, Object entity) {
			Object value = relationship.accessor().get(entity);
			if (!(value instanceof Collection<?> members) || !Hibernate.isInitialized(members)) {
				return null;
			}
			ResourceDescriptor target = DocumentRenderer.this.registry.find(relationship.targetClass()).orElseThrow();
			List<Object> keys = new ArrayList<>(members.size());
			for (Object member : members) {
				Object key = target.keyOf(member);
				if (!(key instanceof Comparable<?>)) {
					return null;
				}
				keys.add(key);
			}
			keys.sort(null);
			return keys;
		}

		private void renderIncluded() {
			for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : this.resources.entrySet()) {
				ResourceDescriptor resource = entry.getKey();
				entry.getValue().forEach((key, entity) -> {
					if (!this.primary.contains(List.of(resource.type(), key))) {
						this.included.add(resourceObject(resource, entity));
					}
				});
			}
		}

		void writeIncluded(ObjectNode document) {
			if (!this.includes.isEmpty()) {
				ArrayNode array = document.putArray("included");
				this.included.forEach(array::add);
			}
		}

		private boolean rendersField(ResourceDescriptor resource, String name) {
			Set<String> fieldset = this.options.fields().get(resource.type());
			return fieldset == null || fieldset.contains(name);
		}

		ObjectNode resourceObject(ResourceDescriptor resource, Object entity) {
			ApiUrls urls = this.options.urls();
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
			ObjectNode relationships = node.putObject("relationships");
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				if (!rendersField(resource, relationship.name())) {
					continue;
				}
				ObjectNode object = relationships.putObject(relationship.name());
				ObjectNode links = object.putObject("links");
				links.put("self", urls.relationship(resource.type(), id, relationship.name()));
				links.put("related", urls.related(resource.type(), id, relationship.name()));
				ResourceDescriptor target = DocumentRenderer.this.registry.find(relationship.targetClass())
					.orElseThrow();
				if (relationship.toMany()) {
					Map<Object, List<Object>> linkage = this.toMany.get(relationship);
					List<Object> members = (linkage != null) ? linkage.get(resource.keyOf(entity)) : null;
					if (members != null) {
						ArrayNode data = object.putArray("data");
						for (Object key : members) {
							data.addObject().put("type", target.type()).put("id", target.id().format(key));
						}
					}
				}
				else {
					Object value = relationship.accessor().get(entity);
					if (value == null) {
						object.putNull("data");
					}
					else {
						object.set("data", identifier(target, value));
					}
				}
			}
			if (relationships.isEmpty()) {
				node.remove("relationships");
			}
			node.putObject("links").put("self", urls.resource(resource.type(), id));
			if (resource.version() != null) {
				// The version is what a client sends back to make its write conditional.
				node.putObject("meta").set("version", attributeValue(resource.version().get(entity)));
			}
			return node;
		}

	}

}
