package dev.restless.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.ResourceQueries;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A write must leave every row it writes in the writer's scope: creating a row for another owner,
 * moving one to another owner, or unlinking the members of a relationship whose foreign key they
 * hold ({@code mappedBy}), which writes the members' rows. Where the writer's rows are restricted,
 * the changes are flushed and the rows looked up within the scope; elsewhere nothing happens and
 * nothing is flushed.
 */
final class WriteScopes {

	private final ResourceRegistry registry;

	private final ResourceQueries queries;

	private final EntityManager entityManager;

	WriteScopes(ResourceRegistry registry, ResourceQueries queries, EntityManager entityManager) {
		this.registry = registry;
		this.queries = queries;
		this.entityManager = entityManager;
	}

	/**
	 * Check that the row a write wrote is in the writer's scope (one statement where it is
	 * restricted).
	 * @param resource the resource written
	 * @param entity the row
	 * @return the row
	 * @throws JsonApiException {@code 403} when it is not
	 */
	Object checkRow(ResourceDescriptor resource, Object entity) {
		if (this.queries.restricts(resource)) {
			this.entityManager.flush();
			Object key = resource.keyOf(entity);
			if (key == null || !this.queries.inScope(resource, key)) {
				throw outside(resource);
			}
		}
		return entity;
	}

	/**
	 * The members a write may write through the relationships whose foreign key they hold: the
	 * current members of those the resource object (or linkage) names, and the members it names,
	 * as far as the writer may reach them now (one statement per such relationship, where its
	 * target is restricted).
	 * @param resource the resource written
	 * @param owner the row written
	 * @param relationships the relationships the write changes
	 * @param linkage the linkage the write gives each of them, by relationship
	 * @return what to check once the write is done
	 */
	Members membersOf(ResourceDescriptor resource, Object owner, Collection<RelationshipDescriptor> relationships,
			Function<RelationshipDescriptor, @Nullable JsonNode> linkage) {
		List<Reachable> reachable = new ArrayList<>();
		for (RelationshipDescriptor relationship : relationships) {
			ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
			if (!relationship.toMany() || !relationship.ownedByInverse() || !this.queries.restricts(target)) {
				continue;
			}
			Set<Object> keys = new LinkedHashSet<>();
			if (relationship.accessor().get(owner) instanceof Collection<?> current) {
				for (Object member : current) {
					keys.add(target.keyOf(member));
				}
			}
			JsonNode data = linkage.apply(relationship);
			if (data != null && data.isArray()) {
				for (JsonNode identifier : data) {
					JsonNode id = identifier.get("id");
					if (id != null && id.isString()) {
						target.id().parse(id.asString()).ifPresent(keys::add);
					}
				}
			}
			if (!keys.isEmpty()) {
				reachable.add(new Reachable(target, keysOf(target, this.queries.findByKeys(target, keys))));
			}
		}
		return new Members(reachable);
	}

	/**
	 * The members of the relationships a resource object gives.
	 * @param resource the resource written
	 * @param owner the row written
	 * @param data the resource object
	 * @return what to check once the write is done
	 */
	Members membersOf(ResourceDescriptor resource, Object owner, ObjectNode data) {
		if (!(data.get("relationships") instanceof ObjectNode given)) {
			return new Members(List.of());
		}
		List<RelationshipDescriptor> relationships = new ArrayList<>();
		for (String name : given.propertyNames()) {
			resource.relationship(name).ifPresent(relationships::add);
		}
		return membersOf(resource, owner, relationships, (relationship) -> given.path(relationship.name()).get("data"));
	}

	private static Set<Object> keysOf(ResourceDescriptor resource, Collection<Object> rows) {
		Set<Object> keys = new LinkedHashSet<>();
		for (Object row : rows) {
			keys.add(resource.keyOf(row));
		}
		return keys;
	}

	private static JsonApiException outside(ResourceDescriptor resource) {
		return JsonApiException.forbidden("The write would put this '" + resource.type()
				+ "' outside the rows you may reach");
	}

	/** The rows of a restricted resource that the writer reached before the write. */
	private record Reachable(ResourceDescriptor resource, Set<Object> keys) {
	}

	/** The members a write may move, to check once it is done. */
	final class Members {

		private final List<Reachable> reachable;

		private Members(List<Reachable> reachable) {
			this.reachable = reachable;
		}

		/**
		 * Check that the writer still reaches every member it reached before the write (one
		 * statement per relationship).
		 * @throws JsonApiException {@code 403} when the write moved one out of reach
		 */
		void checkStillReachable() {
			if (this.reachable.isEmpty()) {
				return;
			}
			WriteScopes.this.entityManager.flush();
			for (Reachable before : this.reachable) {
				if (before.keys().isEmpty()) {
					continue;
				}
				Set<Object> after = keysOf(before.resource(),
						WriteScopes.this.queries.findByKeys(before.resource(), before.keys()));
				if (!after.containsAll(before.keys())) {
					throw outside(before.resource());
				}
			}
		}

	}

}
