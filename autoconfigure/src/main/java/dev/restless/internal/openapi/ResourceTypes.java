package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;

/**
 * What the registry tells about the types documents can hold: the types a row of a resource is
 * served as (its own and those of its exposed subtypes), the target of a relationship, and the
 * include paths a resource accepts with the types they reach.
 */
final class ResourceTypes {

	/** Beyond this many include paths the parameter is described in words rather than listed. */
	static final int MAX_LISTED_INCLUDE_PATHS = 300;

	private final ResourceRegistry registry;

	private final int maxIncludeDepth;

	/**
	 * Create the view.
	 * @param registry the exposed resources
	 * @param maxIncludeDepth the longest include path accepted
	 */
	ResourceTypes(ResourceRegistry registry, int maxIncludeDepth) {
		this.registry = registry;
		this.maxIncludeDepth = maxIncludeDepth;
	}

	/** @return the longest include path accepted */
	int maxIncludeDepth() {
		return this.maxIncludeDepth;
	}

	/** @return every resource, in the registry's order */
	List<ResourceDescriptor> all() {
		return List.copyOf(this.registry.all());
	}

	/**
	 * The resources a row read as the given resource may be served as: the resource itself and
	 * every exposed resource whose entity is a subclass of its entity.
	 * @param resource the resource
	 * @return the resources, the given one first
	 */
	List<ResourceDescriptor> servedAs(ResourceDescriptor resource) {
		List<ResourceDescriptor> types = new ArrayList<>();
		types.add(resource);
		for (ResourceDescriptor candidate : this.registry.all()) {
			if (candidate != resource && resource.entityClass().isAssignableFrom(candidate.entityClass())) {
				types.add(candidate);
			}
		}
		return types;
	}

	/**
	 * The type names a row of a resource may carry.
	 * @param resource the resource
	 * @return the names
	 */
	Set<String> typeNames(ResourceDescriptor resource) {
		Set<String> names = new LinkedHashSet<>();
		servedAs(resource).forEach((type) -> names.add(type.type()));
		return names;
	}

	/**
	 * The resource on the other side of a relationship.
	 * @param relationship the relationship
	 * @return the target resource
	 */
	ResourceDescriptor target(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

	/**
	 * The include paths a resource accepts, up to the include depth: every path of relationships
	 * from it, the default include paths included.
	 * @param resource the resource
	 * @return the paths, shortest first, or empty when there are too many to list
	 */
	List<String> includePaths(ResourceDescriptor resource) {
		List<String> paths = new ArrayList<>();
		List<String> frontier = List.of("");
		List<ResourceDescriptor> frontierTypes = List.of(resource);
		for (int depth = 1; depth <= this.maxIncludeDepth && !frontier.isEmpty(); depth++) {
			List<String> next = new ArrayList<>();
			List<ResourceDescriptor> nextTypes = new ArrayList<>();
			for (int index = 0; index < frontier.size(); index++) {
				for (RelationshipDescriptor relationship : frontierTypes.get(index).relationships().values()) {
					String prefix = frontier.get(index);
					next.add(prefix.isEmpty() ? relationship.name() : prefix + "." + relationship.name());
					nextTypes.add(target(relationship));
				}
			}
			paths.addAll(next);
			if (paths.size() > MAX_LISTED_INCLUDE_PATHS) {
				return List.of();
			}
			frontier = next;
			frontierTypes = nextTypes;
		}
		return paths;
	}

	/**
	 * The resources whose rows a compound document of a resource may include: every type reached
	 * through relationships, up to the include depth or the default include paths, whichever is
	 * longer, with their exposed subtypes.
	 * @param resource the primary resource of the document
	 * @return the resources, in a stable order
	 */
	Set<ResourceDescriptor> includable(ResourceDescriptor resource) {
		int depth = this.maxIncludeDepth;
		for (String path : resource.defaultIncludes()) {
			depth = Math.max(depth, path.split("\\.").length);
		}
		Set<ResourceDescriptor> reached = new LinkedHashSet<>();
		Set<ResourceDescriptor> frontier = new LinkedHashSet<>(List.of(resource));
		for (int level = 1; level <= depth && !frontier.isEmpty(); level++) {
			Set<ResourceDescriptor> next = new LinkedHashSet<>();
			for (ResourceDescriptor current : frontier) {
				for (RelationshipDescriptor relationship : current.relationships().values()) {
					for (ResourceDescriptor type : servedAs(target(relationship))) {
						if (reached.add(type)) {
							next.add(type);
						}
					}
				}
			}
			frontier = next;
		}
		return reached;
	}

}
