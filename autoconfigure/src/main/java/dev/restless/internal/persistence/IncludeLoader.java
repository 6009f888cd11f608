package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.internal.graph.IncludeTree;
import dev.restless.internal.graph.ResourceGraph;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

/**
 * Loads what a document shows beyond its primary resources: the included resources, level by
 * level, and the to-many linkage of every rendered to-many relationship. The SQL it costs is
 * fixed per document, not per resource: one statement per rendered to-many relationship type and
 * per include level; associations already in memory cost nothing.
 */
public final class IncludeLoader {

	private final ResourceRegistry registry;

	private final ResourceQueries queries;

	private final FieldVisibility visibility;

	/**
	 * Create a loader.
	 * @param registry the exposed resources
	 * @param queries the queries that load members and related resources
	 */
	public IncludeLoader(ResourceRegistry registry, ResourceQueries queries) {
		this(registry, queries, FieldVisibility.ALL);
	}

	/**
	 * Create a loader for callers who may read only some fields: it loads nothing for the others.
	 * @param registry the exposed resources
	 * @param queries the read queries
	 * @param visibility the fields the caller may read
	 */
	public IncludeLoader(ResourceRegistry registry, ResourceQueries queries, FieldVisibility visibility) {
		this.registry = registry;
		this.queries = queries;
		this.visibility = visibility;
	}

	/**
	 * Load the graph of a document.
	 * @param resource the resource of the primary data
	 * @param entities the primary entities (none for a document whose data is {@code null})
	 * @param includes what the document includes
	 * @param fields the sparse fieldsets, by type
	 * @return the graph
	 */
	public ResourceGraph load(ResourceDescriptor resource, List<Object> entities, IncludeTree includes,
			Map<String, Set<String>> fields) {
		ResourceGraph graph = new ResourceGraph(includes);
		if (entities.isEmpty()) {
			return graph;
		}
		for (Map.Entry<ResourceDescriptor, List<Object>> own : byOwnResource(resource, entities).entrySet()) {
			graph.addPrimary(own.getKey(), own.getValue());
			expand(graph, own.getKey(), own.getValue(), includes);
		}
		loadLinkage(graph, fields);
		hideRowsOutOfScope(graph, fields);
		loadOwnResources(graph, fields);
		return graph;
	}

	/**
	 * The own resource of every row that rendered linkage points at through a relationship whose
	 * target has exposed subtypes (a manager among employees), so the linkage names the type the
	 * row is served under. Rows already in memory cost nothing; the others cost one statement per
	 * such relationship. Relationships to resources without exposed subtypes cost nothing at all.
	 */
	private void loadOwnResources(ResourceGraph graph, Map<String, Set<String>> fields) {
		for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : List.copyOf(graph.resources().entrySet())) {
			ResourceDescriptor resource = entry.getKey();
			Set<String> fieldset = fields.get(resource.type());
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				if (fieldset != null && !fieldset.contains(relationship.name())) {
					continue;
				}
				ResourceDescriptor target = targetOf(relationship);
				if (!this.registry.hasExposedSubtypes(target)) {
					continue;
				}
				Map<Object, Object> known = graph.resourcesOf(target);
				Set<Object> missing = new LinkedHashSet<>();
				for (Map.Entry<Object, Object> owner : entry.getValue().entrySet()) {
					if (relationship.toMany()) {
						List<Object> members = graph.members(relationship, owner.getKey());
						for (Object key : (members != null) ? members : List.of()) {
							Object member = known.get(key);
							if (member != null) {
								graph.ownResource(target, key, this.registry.ownResource(target, member));
							}
							else {
								missing.add(key);
							}
						}
					}
					else {
						Object value = relationship.accessor().get(owner.getValue());
						if (value == null) {
							continue;
						}
						if (Hibernate.isInitialized(value)) {
							graph.ownResource(target, target.keyOf(value), this.registry.ownResource(target, value));
						}
						else {
							missing.add(target.keyOf(value));
						}
					}
				}
				if (!missing.isEmpty()) {
					for (Object loaded : this.queries.findByKeys(target, missing)) {
						graph.ownResource(target, target.keyOf(loaded), this.registry.ownResource(target, loaded));
					}
				}
			}
		}
	}

	/**
	 * Primary entities by the resource each is rendered as: the nearest exposed type of its own
	 * class, which in an inheritance hierarchy may be a subclass of the requested resource.
	 */
	private Map<ResourceDescriptor, List<Object>> byOwnResource(ResourceDescriptor resource, List<Object> entities) {
		Map<ResourceDescriptor, List<Object>> groups = new LinkedHashMap<>();
		for (Object entity : entities) {
			groups.computeIfAbsent(this.registry.ownResource(resource, entity), (key) -> new ArrayList<>())
				.add(entity);
		}
		return groups;
	}

	private void expand(ResourceGraph graph, ResourceDescriptor resource, Collection<Object> entities,
			IncludeTree tree) {
		for (Map.Entry<String, IncludeTree> child : tree.children().entrySet()) {
			// A subclass exposed as a resource of its own may hide a relationship its superclass has.
			RelationshipDescriptor relationship = resource.relationship(child.getKey()).orElse(null);
			if (relationship == null || !this.visibility.readable(resource, relationship.name())) {
				continue;
			}
			ResourceDescriptor target = targetOf(relationship);
			Map<Object, Object> known = graph.resourcesOf(target);
			Map<Object, Object> related = new LinkedHashMap<>();
			if (relationship.toMany()) {
				Map<Object, List<Object>> linkage = graph.linkageOf(relationship);
				List<Object> owners = keys(resource, entities);
				Map<Object, List<Object>> members = this.queries.toManyMembers(resource, relationship, owners, true);
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
					else if (Hibernate.isInitialized(value) && !this.queries.restricts(target)) {
						// a row loaded with its owner was loaded without the scope of its own resource
						related.put(key, Hibernate.unproxy(value));
					}
					else {
						missing.add(key);
					}
				}
				if (!missing.isEmpty()) {
					for (Object loaded : this.queries.findByKeys(target, missing)) {
						related.put(target.keyOf(loaded), loaded);
					}
				}
			}
			related.forEach(known::putIfAbsent);
			expand(graph, target, related.values(), child.getValue());
		}
	}

	private static List<Object> keys(ResourceDescriptor resource, Collection<Object> entities) {
		List<Object> keys = new ArrayList<>(entities.size());
		for (Object entity : entities) {
			keys.add(resource.keyOf(entity));
		}
		return keys;
	}

	/**
	 * The linkage of every rendered to-many relationship of every resource in the graph: read from
	 * memory where the collection is loaded, otherwise in one statement per relationship.
	 */
	private void loadLinkage(ResourceGraph graph, Map<String, Set<String>> fields) {
		for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : graph.resources().entrySet()) {
			ResourceDescriptor resource = entry.getKey();
			if (!resource.toManyLinkage() || entry.getValue().isEmpty()) {
				continue;
			}
			Set<String> fieldset = fields.get(resource.type());
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				if (!relationship.toMany() || !renders(resource, relationship, fieldset)) {
					continue;
				}
				Map<Object, List<Object>> linkage = graph.linkageOf(relationship);
				List<Object> missing = new ArrayList<>();
				// members loaded with their owner were loaded without the scope of their own resource
				boolean fromMemory = !this.queries.restricts(targetOf(relationship));
				entry.getValue().forEach((key, entity) -> {
					if (!linkage.containsKey(key)) {
						List<Object> inMemory = fromMemory ? loadedMembers(relationship, entity) : null;
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
				Map<Object, List<Object>> members = this.queries.toManyMembers(resource, relationship, missing, false);
				for (Object owner : missing) {
					linkage.put(owner, members.getOrDefault(owner, List.of()));
				}
			}
		}
	}

	/**
	 * The rows that rendered to-one linkage points at, where their resource restricts the caller's
	 * rows: those outside the scope are hidden, so linkage never names them. Rows already in the
	 * graph were read within the scope; the others cost one statement per such relationship. Other
	 * relationships cost nothing.
	 */
	private void hideRowsOutOfScope(ResourceGraph graph, Map<String, Set<String>> fields) {
		for (Map.Entry<ResourceDescriptor, Map<Object, Object>> entry : List.copyOf(graph.resources().entrySet())) {
			ResourceDescriptor resource = entry.getKey();
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				ResourceDescriptor target = targetOf(relationship);
				if (relationship.toMany() || !renders(resource, relationship, fields.get(resource.type()))
						|| !this.queries.restricts(target)) {
					continue;
				}
				Map<Object, Object> known = graph.resourcesOf(target);
				Set<Object> unknown = new LinkedHashSet<>();
				for (Object entity : entry.getValue().values()) {
					Object value = relationship.accessor().get(entity);
					Object key = (value != null) ? target.keyOf(value) : null;
					if (key != null && !known.containsKey(key)) {
						unknown.add(key);
					}
				}
				if (unknown.isEmpty()) {
					continue;
				}
				for (Object visible : this.queries.findByKeys(target, unknown)) {
					unknown.remove(target.keyOf(visible));
				}
				unknown.forEach((key) -> graph.hide(target, key));
			}
		}
	}

	private boolean renders(ResourceDescriptor resource, RelationshipDescriptor relationship,
			@Nullable Set<String> fieldset) {
		return (fieldset == null || fieldset.contains(relationship.name()))
				&& this.visibility.readable(resource, relationship.name());
	}

	/**
	 * The member keys of a to-many relationship already loaded with its owner, in key order as
	 * the query would give them, or {@code null} when it is not loaded (or its keys do not sort).
	 */
	private @Nullable List<Object> loadedMembers(RelationshipDescriptor relationship, Object entity) {
		Object value = relationship.accessor().get(entity);
		if (!(value instanceof Collection<?> members) || !Hibernate.isInitialized(members)) {
			return null;
		}
		ResourceDescriptor target = targetOf(relationship);
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

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

}
