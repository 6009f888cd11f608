package dev.restless.internal.service;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.query.QueryParameters;

/**
 * Loads the resource a request addresses by the id in its URL (or operation): {@code 404} when the
 * id cannot be parsed or nothing has it. In an inheritance hierarchy a row is a resource of the
 * nearest exposed type of its own class only: a subclass row exposed as a resource of its own is
 * not found under a superclass's URL, so it has one identity and cannot be changed or deleted
 * through another type.
 */
final class EntityLoader {

	private final ResourceRegistry registry;

	private final ResourceQueries queries;

	private final EntityValidation validation;

	EntityLoader(ResourceRegistry registry, ResourceQueries queries, EntityValidation validation) {
		this.registry = registry;
		this.queries = queries;
		this.validation = validation;
	}

	/**
	 * Load a resource by its id.
	 * @param resource the resource
	 * @param id the id text
	 * @return the entity
	 * @throws JsonApiException 404 when the id cannot be parsed or nothing has it
	 */
	Object find(ResourceDescriptor resource, String id) {
		return find(resource, id, (key) -> this.queries.findByKey(resource, key));
	}

	private Object find(ResourceDescriptor resource, String id, Function<Object, Optional<Object>> load) {
		return resource.id()
			.parse(id)
			.flatMap(load)
			.filter((entity) -> this.registry.of(entity).equals(resource))
			.orElseThrow(() -> JsonApiException.notFound("No '" + resource.type() + "' with id '" + id + "'"));
	}

	/**
	 * Load a resource to render it: its first rendered to-many relationship is fetched with it, so
	 * the resource and that relationship's linkage cost one statement. For an update, which is
	 * validated, a relationship that carries Bean Validation constraints (or cascades validation
	 * into its members) is not fetched: validation reaches only loaded associations, and whether a
	 * PATCH is valid must not depend on which fields the response renders.
	 * @param resource the resource
	 * @param id the id text
	 * @param query the query, whose sparse fieldset decides what is rendered
	 * @param forUpdate whether the entity is loaded to be updated
	 * @return the entity
	 */
	Object findWithLinkage(ResourceDescriptor resource, String id, QueryParameters query, boolean forUpdate) {
		Set<String> fieldset = query.fields().get(resource.type());
		String fetched = null;
		if (resource.toManyLinkage()) {
			for (RelationshipDescriptor relationship : resource.relationships().values()) {
				if (relationship.toMany() && (fieldset == null || fieldset.contains(relationship.name()))) {
					fetched = (forUpdate && this.validation.isValidated(resource, relationship.attributeName())) ? null
							: relationship.attributeName();
					break;
				}
			}
		}
		if (fetched == null) {
			return find(resource, id);
		}
		String relationship = fetched;
		return find(resource, id, (key) -> this.queries.findByKeyFetching(resource, key, relationship));
	}

}
