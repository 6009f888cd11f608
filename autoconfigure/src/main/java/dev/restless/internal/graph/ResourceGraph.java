package dev.restless.internal.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * The entities one document shows, loaded before it is rendered: the primary resources, the
 * resources they include (each once, by type and key), and the to-many linkage of every rendered
 * to-many relationship. Persistence fills it in a fixed number of statements; the document layer
 * renders it without touching the database.
 */
public final class ResourceGraph {

	private final IncludeTree includes;

	private final Map<ResourceDescriptor, Map<Object, Object>> resources = new LinkedHashMap<>();

	private final Set<List<Object>> primary = new HashSet<>();

	private final Map<RelationshipDescriptor, Map<Object, List<Object>>> toMany = new IdentityHashMap<>();

	/** The own resource of rows whose class is an exposed subtype of the declared resource. */
	private final Map<List<Object>, ResourceDescriptor> ownResources = new HashMap<>();

	/** Rows that to-one linkage points at but that lie outside the caller's scope, by resource and key. */
	private final Set<List<Object>> hidden = new HashSet<>();

	/**
	 * An empty graph.
	 * @param includes what the document includes
	 */
	public ResourceGraph(IncludeTree includes) {
		this.includes = includes;
	}

	/** @return what the document includes */
	public IncludeTree includes() {
		return this.includes;
	}

	/**
	 * Add primary resources.
	 * @param resource their resource
	 * @param entities the entities
	 */
	public void addPrimary(ResourceDescriptor resource, List<Object> entities) {
		Map<Object, Object> byKey = resourcesOf(resource);
		for (Object entity : entities) {
			Object key = resource.keyOf(entity);
			byKey.put(key, entity);
			this.primary.add(List.of(resource.type(), key));
		}
	}

	/**
	 * The known entities of a resource, by key, in the order they became known (mutable, for
	 * the loader).
	 * @param resource the resource
	 * @return the entities by key
	 */
	public Map<Object, Object> resourcesOf(ResourceDescriptor resource) {
		return this.resources.computeIfAbsent(resource, (r) -> new LinkedHashMap<>());
	}

	/** @return every known entity, by resource and key, in the order they became known */
	public Map<ResourceDescriptor, Map<Object, Object>> resources() {
		return this.resources;
	}

	/**
	 * Whether an entity is primary data of the document.
	 * @param resource its resource
	 * @param key its key
	 * @return whether it is primary
	 */
	public boolean isPrimary(ResourceDescriptor resource, Object key) {
		return this.primary.contains(List.of(resource.type(), key));
	}

	/**
	 * The to-many linkage of a relationship (mutable, for the loader).
	 * @param relationship the relationship
	 * @return the member keys by owner key
	 */
	public Map<Object, List<Object>> linkageOf(RelationshipDescriptor relationship) {
		return this.toMany.computeIfAbsent(relationship, (r) -> new HashMap<>());
	}

	/**
	 * Record the resource a row of a resource with exposed subtypes belongs to.
	 * @param declared the resource a relationship declares
	 * @param key the row's key
	 * @param own the resource of the row's own class
	 */
	public void ownResource(ResourceDescriptor declared, Object key, ResourceDescriptor own) {
		if (!own.equals(declared)) {
			this.ownResources.put(List.of(declared.type(), key), own);
		}
	}

	/**
	 * The resource a row belongs to, as recorded when it was loaded.
	 * @param declared the resource a relationship declares
	 * @param key the row's key
	 * @return the row's own resource, or the declared one when nothing else was recorded
	 */
	public ResourceDescriptor ownResourceOf(ResourceDescriptor declared, Object key) {
		// Most documents hold no subtype rows: no lookup key to build for every linkage member.
		if (this.ownResources.isEmpty()) {
			return declared;
		}
		return this.ownResources.getOrDefault(List.of(declared.type(), key), declared);
	}

	/**
	 * Record that a row to-one linkage points at lies outside the caller's scope: the linkage is
	 * rendered as empty.
	 * @param resource the declared target resource
	 * @param key the row's key
	 */
	public void hide(ResourceDescriptor resource, Object key) {
		this.hidden.add(List.of(resource.type(), key));
	}

	/**
	 * @param resource the declared target resource
	 * @param key a row's key
	 * @return whether linkage must not name the row
	 */
	public boolean isHidden(ResourceDescriptor resource, Object key) {
		return !this.hidden.isEmpty() && this.hidden.contains(List.of(resource.type(), key));
	}

	/**
	 * The loaded member keys of one owner's to-many relationship.
	 * @param relationship the relationship
	 * @param ownerKey the owner's key
	 * @return the member keys, or {@code null} when the linkage was not loaded
	 */
	public @Nullable List<Object> members(RelationshipDescriptor relationship, Object ownerKey) {
		Map<Object, List<Object>> linkage = this.toMany.get(relationship);
		return (linkage != null) ? linkage.get(ownerKey) : null;
	}

}
