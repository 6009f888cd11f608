package dev.restless.internal.metamodel;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hibernate.Hibernate;

/**
 * The exposed resources of the application, by collection name and by entity class.
 */
public final class ResourceRegistry {

	private final Map<String, ResourceDescriptor> byType;

	private final Map<Class<?>, ResourceDescriptor> byClass;

	/** The entity classes of which some other exposed entity class is a subclass. */
	private final Set<Class<?>> withExposedSubtypes;

	/**
	 * Create a registry.
	 * @param resources the resources, in a stable order
	 */
	public ResourceRegistry(Collection<ResourceDescriptor> resources) {
		Map<String, ResourceDescriptor> types = new LinkedHashMap<>();
		Map<Class<?>, ResourceDescriptor> classes = new LinkedHashMap<>();
		for (ResourceDescriptor resource : resources) {
			types.put(resource.type(), resource);
			classes.put(resource.entityClass(), resource);
		}
		this.byType = Map.copyOf(types);
		this.byClass = Map.copyOf(classes);
		// Asked for every rendered relationship, so worked out once.
		Set<Class<?>> withSubtypes = new HashSet<>();
		for (Class<?> type : classes.keySet()) {
			for (Class<?> ancestor = type.getSuperclass(); ancestor != null; ancestor = ancestor.getSuperclass()) {
				if (classes.containsKey(ancestor)) {
					withSubtypes.add(ancestor);
				}
			}
		}
		this.withExposedSubtypes = Set.copyOf(withSubtypes);
	}

	/**
	 * A resource by collection name.
	 * @param type the collection name
	 * @return the resource, or empty
	 */
	/**
	 * Whether rows of a resource may belong to another exposed resource: some exposed resource's
	 * entity is a subclass of its entity, so its linkage must name each row's own type.
	 * @param resource the resource
	 * @return whether another exposed resource is a subtype of it
	 */
	public boolean hasExposedSubtypes(ResourceDescriptor resource) {
		return this.withExposedSubtypes.contains(resource.entityClass());
	}

	public Optional<ResourceDescriptor> find(String type) {
		return Optional.ofNullable(this.byType.get(type));
	}

	/**
	 * A resource by entity class (or a subclass or proxy class of it).
	 * @param entityClass the class
	 * @return the resource, or empty
	 */
	public Optional<ResourceDescriptor> find(Class<?> entityClass) {
		for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			ResourceDescriptor resource = this.byClass.get(type);
			if (resource != null) {
				return Optional.of(resource);
			}
		}
		return Optional.empty();
	}

	/**
	 * The resource of an entity instance, which may be a proxy.
	 * @param entity the entity
	 * @return the resource
	 */
	public ResourceDescriptor of(Object entity) {
		return find(Hibernate.getClass(entity))
			.orElseThrow(() -> new IllegalArgumentException("Not an exposed entity: " + Hibernate.getClass(entity)));
	}

	/**
	 * The resource an entity is served as when it was read as a resource of its class or one of
	 * its superclasses: the nearest exposed type of its own class. In an inheritance hierarchy a
	 * row of an exposed subclass is a resource of that subclass, whatever collection lists it; a
	 * row of a subclass that is not exposed is a resource of its nearest exposed superclass.
	 * @param resource the resource the entity was read as
	 * @param entity the entity, which may be a proxy
	 * @return its own resource, {@code resource} itself unless a subclass is exposed
	 */
	public ResourceDescriptor ownResource(ResourceDescriptor resource, Object entity) {
		if (entity.getClass() == resource.entityClass()) {
			return resource;
		}
		return find(Hibernate.getClass(entity)).orElse(resource);
	}

	/** @return all resources */
	public Collection<ResourceDescriptor> all() {
		return this.byType.values();
	}

}
