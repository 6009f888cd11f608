package dev.restless.internal.service;

import java.util.function.Consumer;

import dev.restless.Operation;
import dev.restless.internal.document.RequestDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.persistence.EntityWriter;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.persistence.ResourceRepositories;
import dev.restless.internal.precondition.Precondition;
import dev.restless.internal.precondition.ResourceVersions;
import dev.restless.processing.PreprocessContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.BeanUtils;

/**
 * The steps every write takes, whether a single request or an operation of an atomic request
 * asks for it: run the preprocessors, read the resource object, then create, update or delete the
 * entity or change one of its relationships, checking the precondition against the version just
 * loaded and validating the result. Steps run inside the caller's transaction and are not
 * flushed, so that a caller creating many resources gets batched inserts.
 */
final class WriteSteps {

	private final ResourceQueries queries;

	private final ResourceRepositories repositories;

	private final EntityWriter writer;

	private final ProcessorChain processors;

	private final EntityLoader loader;

	private final EntityValidation validation;

	private final ResourceVersions versions;

	private final EntityManager entityManager;

	private final OperationRules rules;

	WriteSteps(ResourceQueries queries, ResourceRepositories repositories, EntityWriter writer,
			ProcessorChain processors, EntityLoader loader, EntityValidation validation, ResourceVersions versions,
			EntityManager entityManager, OperationRules rules) {
		this.queries = queries;
		this.repositories = repositories;
		this.writer = writer;
		this.processors = processors;
		this.loader = loader;
		this.validation = validation;
		this.versions = versions;
		this.entityManager = entityManager;
		this.rules = rules;
	}

	/**
	 * Run the preprocessors of a write, then read the primary resource object of the document they
	 * leave and check its type.
	 * @param resource the resource written
	 * @param pre the preprocessors' context, holding the request document
	 * @return the resource object
	 */
	ObjectNode preprocessResourceObject(ResourceDescriptor resource, PreprocessContext pre) {
		this.processors.preprocess(pre);
		ObjectNode data = RequestDocuments.resourceObject(pre.document(), "");
		RequestDocuments.checkType(resource, data, "/data");
		return data;
	}

	/**
	 * Run the preprocessors of a write that has no resource object (a deletion, a relationship
	 * change).
	 * @param pre the preprocessors' context
	 */
	void preprocess(PreprocessContext pre) {
		this.processors.preprocess(pre);
	}

	/**
	 * Create an entity from a resource object (client-generated id, attributes, relationships),
	 * validated and persisted.
	 * @param resource the resource
	 * @param data the resource object, whose type is checked; error pointers start with
	 * {@code /data}
	 * @return the persisted entity
	 */
	Object create(ResourceDescriptor resource, ObjectNode data) {
		Object entity = BeanUtils.instantiateClass(resource.entityClass());
		this.rules.checkFieldWrites(resource, data, "/data");
		boolean clientId = applyClientId(resource, entity, data);
		this.writer.apply(resource, entity, data, true, "/data", replacing(resource));
		this.rules.checkEntity(resource, Operation.POST_RESOURCE, entity);
		this.validation.validate(resource, entity);
		if (clientId) {
			this.entityManager.persist(entity);
			return checkInScope(resource, entity);
		}
		if (resource.id().entityId() && !resource.id().generated() && resource.keyOf(entity) == null) {
			throw new JsonApiException(ErrorObject.atPointer(403, "Client-generated id required",
					"'" + resource.type()
							+ "' resources are identified by their clients: give the new resource an 'id'",
					"/data"));
		}
		return checkInScope(resource, this.repositories.of(resource).save(entity));
	}

	/**
	 * A write must leave the row it writes in the caller's scope: creating a row for another
	 * owner, or moving one to another owner, is refused. Where the caller's rows are restricted,
	 * the row is flushed and looked up within the scope (one statement); elsewhere nothing happens.
	 */
	private Object checkInScope(ResourceDescriptor resource, Object entity) {
		if (this.queries.restricts(resource)) {
			this.entityManager.flush();
			Object key = resource.keyOf(entity);
			if (key == null || !this.queries.inScope(resource, key)) {
				throw JsonApiException.forbidden("The write would put this '" + resource.type()
						+ "' outside the rows you may reach");
			}
		}
		return entity;
	}

	private boolean applyClientId(ResourceDescriptor resource, Object entity, ObjectNode data) {
		JsonNode id = data.get("id");
		if (id == null) {
			return false;
		}
		if (!resource.allowClientGeneratedIds()) {
			throw new JsonApiException(ErrorObject.atPointer(403, "Client-generated id not allowed",
					"'" + resource.type() + "' does not accept client-generated ids", "/data/id"));
		}
		if (!id.isString()) {
			throw JsonApiException.badDocument("/data/id", "'id' must be a string");
		}
		Object key = resource.id()
			.parse(id.asString())
			.orElseThrow(() -> JsonApiException.badDocument("/data/id",
					"'" + id.asString() + "' is not a valid id for '" + resource.type() + "'"));
		if (this.queries.findByKey(resource, key).isPresent()) {
			throw JsonApiException.conflict("/data/id",
					"A '" + resource.type() + "' with id '" + id.asString() + "' already exists");
		}
		resource.id().write(entity, key);
		return true;
	}

	/**
	 * Update an entity: load it, check the precondition against the version just loaded, apply the
	 * resource object and validate.
	 * @param resource the resource
	 * @param id the resource id
	 * @param data the resource object, whose type and id are checked; error pointers start with
	 * {@code /data}
	 * @param precondition what the update expects of the current version
	 * @return the changed entity
	 */
	Object update(ResourceDescriptor resource, String id, ObjectNode data, Precondition precondition) {
		return update(resource, this.loader.find(resource, id), data, precondition);
	}

	/**
	 * Update an entity already loaded, as {@link #update(ResourceDescriptor, String, ObjectNode, Precondition)}
	 * does.
	 * @param resource the resource
	 * @param entity the entity, managed in the current transaction
	 * @param data the resource object
	 * @param precondition what the update expects of the current version
	 * @return the changed entity
	 */
	Object update(ResourceDescriptor resource, Object entity, ObjectNode data, Precondition precondition) {
		this.rules.checkEntity(resource, Operation.PATCH_RESOURCE, entity);
		this.rules.checkFieldWrites(resource, data, "/data");
		this.versions.check(resource, entity, precondition);
		for (RelationshipDescriptor changed : this.writer.apply(resource, entity, data, false, "/data",
				replacing(resource))) {
			if (changed.ownedByInverse()) {
				// one new version for the whole update, however many such relationships it changes
				newVersion(resource, entity, changed);
				break;
			}
		}
		this.validation.validate(resource, entity);
		return checkInScope(resource, entity);
	}

	/**
	 * Delete an entity: load it, check the precondition against the version just loaded and
	 * remove it.
	 * @param resource the resource
	 * @param id the resource id
	 * @param precondition what the deletion expects of the current version
	 * @return the removed entity
	 */
	Object delete(ResourceDescriptor resource, String id, Precondition precondition) {
		Object entity = this.loader.find(resource, id);
		this.rules.checkEntity(resource, Operation.DELETE_RESOURCE, entity);
		this.versions.check(resource, entity, precondition);
		this.repositories.of(resource).delete(entity);
		return entity;
	}

	/**
	 * Change a relationship: load the owning entity, check the precondition against the version
	 * just loaded, add, replace or remove the members, and validate.
	 * @param resource the resource owning the relationship
	 * @param id the resource id
	 * @param relationship the relationship
	 * @param operation {@code POST_RELATIONSHIP}, {@code PATCH_RELATIONSHIP} or
	 * {@code DELETE_RELATIONSHIP}
	 * @param linkage the resource linkage of the request; error pointers start with {@code /data}
	 * @param precondition what the change expects of the owner's current version
	 * @return the owning entity
	 */
	Object changeRelationship(ResourceDescriptor resource, String id, RelationshipDescriptor relationship,
			Operation operation, JsonNode linkage, Precondition precondition) {
		Object owner = this.loader.find(resource, id);
		this.rules.checkEntity(resource, operation, owner);
		this.rules.checkRelationshipWrite(resource, relationship);
		this.versions.check(resource, owner, precondition);
		boolean changed = switch (operation) {
			case POST_RELATIONSHIP -> this.writer.applyLinkage(resource, owner, relationship, linkage, "/data", true,
					replacing(resource));
			case DELETE_RELATIONSHIP -> this.writer.removeLinkage(resource, owner, relationship, linkage, "/data");
			default -> this.writer.applyLinkage(resource, owner, relationship, linkage, "/data", false,
					replacing(resource));
		};
		if (changed) {
			// a write that changes nothing keeps the version, and so the entity tag
			newVersion(resource, owner, relationship);
		}
		try {
			this.validation.validate(resource, owner);
		}
		catch (JsonApiException ex) {
			throw ValidationErrors.atLinkage(ex);
		}
		return checkInScope(resource, owner);
	}

	/**
	 * What a replacement of one of a resource's to-many relationships must pass, whichever write
	 * replaces it: the rules decide.
	 */
	private Consumer<RelationshipDescriptor> replacing(ResourceDescriptor resource) {
		return (relationship) -> this.rules.checkToManyReplacement(resource, relationship);
	}

	/**
	 * Give a versioned resource a new version when one of its relationships whose changes reach
	 * the database through the other side ({@code mappedBy}) changed: its own row does not change,
	 * so Hibernate would keep its version, yet its document changed, so its entity tag must, and a
	 * second write made with the old tag must fail. The version moves on at once, so the response
	 * carries the new tag. Relationships the resource owns already change its version.
	 */
	private void newVersion(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship) {
		if (resource.version() != null && relationship.ownedByInverse()) {
			this.entityManager.lock(owner, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		}
	}

	/** Flush the changes of the current transaction. */
	void flush() {
		this.entityManager.flush();
	}

}
