package dev.restless.internal.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.precondition.Precondition;
import dev.restless.query.QueryParameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what a request may do: which resource a collection name or type names, whether the
 * operation is enabled for it, whether a relationship may be changed that way, whether functions
 * may be evaluated, and whether a change must name the version it expects. Every endpoint kind
 * and every atomic operation asks here, so each rule is written once; only the way a refusal is
 * told differs between a single request (HTTP statuses such as {@code 405} with {@code Allow})
 * and an operation of an atomic request (errors pointing into the operation).
 */
public final class OperationRules {

	/** The methods the collection endpoint serves. */
	public static final Set<ResourceMethod> COLLECTION_METHODS = EnumSet.of(ResourceMethod.GET, ResourceMethod.POST);

	/** The methods the resource endpoint serves. */
	public static final Set<ResourceMethod> RESOURCE_METHODS = EnumSet.of(ResourceMethod.GET, ResourceMethod.PATCH,
			ResourceMethod.DELETE);

	/** The methods the related-resource endpoints and the function endpoint serve. */
	public static final Set<ResourceMethod> READ_METHODS = EnumSet.of(ResourceMethod.GET);

	private final ResourceRegistry registry;

	private final AccessControl access;

	private final FieldVisibility visibility;

	/**
	 * Create the rules.
	 * @param registry the exposed resources
	 * @param access who may do what, by the resources' access rules
	 * @param visibility the fields the caller may read
	 */
	public OperationRules(ResourceRegistry registry, AccessControl access, FieldVisibility visibility) {
		this.registry = registry;
		this.access = access;
		this.visibility = visibility;
	}

	/** Why an operation is refused. */
	private enum Denial {

		/** The method the operation needs is not enabled for the resource. */
		METHOD_NOT_ENABLED,

		/** Members can only be added to or removed from a to-many relationship. */
		NOT_TO_MANY,

		/** The resource does not allow replacing a whole to-many relationship. */
		NO_TO_MANY_REPLACEMENT,

		/** The resource does not allow removing members from to-many relationships. */
		NO_REMOVAL_FROM_TO_MANY,

		/** The resource does not allow function evaluation. */
		NO_FUNCTIONS

	}

	/**
	 * The resource method an operation needs enabled: reads need GET, creation POST, deletion
	 * DELETE, and every other change (the resource's attributes or any of its relationships) PATCH.
	 * @param operation the operation
	 * @return the method
	 */
	public static ResourceMethod methodOf(Operation operation) {
		return switch (operation) {
			case GET_COLLECTION, GET_RESOURCE, GET_RELATED, GET_RELATED_RESOURCE, GET_RELATIONSHIP, EVAL ->
				ResourceMethod.GET;
			case POST_RESOURCE -> ResourceMethod.POST;
			case DELETE_RESOURCE -> ResourceMethod.DELETE;
			case PATCH_RESOURCE, POST_RELATIONSHIP, PATCH_RELATIONSHIP, DELETE_RELATIONSHIP -> ResourceMethod.PATCH;
		};
	}

	/**
	 * The one decision: may this operation be performed on this resource (and relationship)?
	 * @return the reason it may not, or {@code null} when it may
	 */
	private static @Nullable Denial decide(ResourceDescriptor resource, Operation operation,
			@Nullable RelationshipDescriptor relationship) {
		if (!resource.allows(methodOf(operation))) {
			return Denial.METHOD_NOT_ENABLED;
		}
		if (operation == Operation.EVAL && !resource.allowFunctions()) {
			return Denial.NO_FUNCTIONS;
		}
		if (relationship == null) {
			return null;
		}
		return switch (operation) {
			case POST_RELATIONSHIP -> relationship.toMany() ? null : Denial.NOT_TO_MANY;
			case DELETE_RELATIONSHIP -> !relationship.toMany() ? Denial.NOT_TO_MANY
					: resource.allowDeleteFromToManyRelationships() ? null : Denial.NO_REMOVAL_FROM_TO_MANY;
			// Replacing a to-many relationship depends on its current members: see
			// checkToManyReplacement, asked once they are known.
			default -> null;
		};
	}

	// ---- single requests

	/**
	 * The resource of a collection name, whatever it enables.
	 * @param collection the collection name from the URL
	 * @return the resource
	 * @throws JsonApiException {@code 404} when no resource has that collection name
	 */
	public ResourceDescriptor collection(String collection) {
		return this.registry.find(collection)
			.orElseThrow(() -> JsonApiException.notFound("There is no collection named '" + collection + "'"));
	}

	/**
	 * The resource of a request, if the operation is enabled for it.
	 * @param collection the collection name from the URL
	 * @param operation the operation the request asks for
	 * @param endpointMethods the methods the endpoint serves, for the {@code Allow} header
	 * @return what the request may do
	 * @throws JsonApiException {@code 404} for an unknown collection or a resource that does not
	 * evaluate functions, {@code 405} with {@code Allow} when the method is not enabled
	 */
	public Target resource(String collection, Operation operation, Set<ResourceMethod> endpointMethods) {
		ResourceDescriptor resource = collection(collection);
		Denial denial = decide(resource, operation, null);
		if (denial == Denial.METHOD_NOT_ENABLED) {
			throw methodNotAllowed(resource, methodOf(operation), endpointMethods);
		}
		if (denial == Denial.NO_FUNCTIONS) {
			throw functionsNotAllowed(resource);
		}
		this.access.check(resource, operation, null);
		return new Target(resource, operation, null);
	}

	/**
	 * The resource of a function endpoint ({@code /eval/{collection}}), whatever the HTTP method:
	 * a resource that does not evaluate functions has no such endpoint.
	 * @param collection the collection name from the URL
	 * @return the resource
	 * @throws JsonApiException {@code 404} for an unknown collection or a resource that does not
	 * evaluate functions
	 */
	public ResourceDescriptor evaluable(String collection) {
		ResourceDescriptor resource = collection(collection);
		if (!resource.allowFunctions()) {
			throw functionsNotAllowed(resource);
		}
		return resource;
	}

	/**
	 * The resource of a relationship endpoint, if the method is served: reading linkage needs GET
	 * enabled for the resource, changing it ({@code POST}, {@code PATCH}, {@code DELETE}) needs
	 * PATCH enabled.
	 * @param collection the collection name from the URL
	 * @param operation the operation the HTTP method asks for, or {@code null} for a method the
	 * endpoint never serves
	 * @param httpMethod the HTTP method, for the error
	 * @return what the request may do
	 * @throws JsonApiException {@code 404} for an unknown collection, {@code 405} with
	 * {@code Allow} otherwise
	 */
	public Target relationshipEndpoint(String collection, @Nullable Operation operation, String httpMethod) {
		ResourceDescriptor resource = collection(collection);
		if (operation == null || decide(resource, operation, null) == Denial.METHOD_NOT_ENABLED) {
			throw new JsonApiException(405, List.of(ErrorObject.of(405, "Method not allowed", "Method " + httpMethod
					+ " is not allowed on the relationship endpoints of '" + resource.type() + "'")),
					Map.of("Allow", String.join(", ", relationshipMethods(resource))));
		}
		this.access.check(resource, operation, null);
		return new Target(resource, operation, null);
	}

	/**
	 * The HTTP methods a resource's relationship endpoints serve.
	 * @param resource the resource
	 * @return {@code GET} where reading is enabled, {@code POST}, {@code PATCH} and {@code DELETE}
	 * where changing is
	 */
	public static List<String> relationshipMethods(ResourceDescriptor resource) {
		List<String> served = new ArrayList<>();
		if (resource.allows(methodOf(Operation.GET_RELATIONSHIP))) {
			served.add("GET");
		}
		if (resource.allows(methodOf(Operation.PATCH_RELATIONSHIP))) {
			served.addAll(List.of("POST", "PATCH", "DELETE"));
		}
		return served;
	}

	/**
	 * The methods of an endpoint that a resource enables.
	 * @param resource the resource
	 * @param endpointMethods the methods the endpoint serves when enabled
	 * @return the enabled ones, by name
	 */
	public static List<String> enabledMethods(ResourceDescriptor resource, Set<ResourceMethod> endpointMethods) {
		List<String> enabled = new ArrayList<>();
		for (ResourceMethod candidate : endpointMethods) {
			if (resource.allows(candidate)) {
				enabled.add(candidate.name());
			}
		}
		return enabled;
	}

	/**
	 * A {@code 405} with the methods the endpoint serves for the resource.
	 * @param resource the resource
	 * @param method the method asked for
	 * @param endpointMethods the methods the endpoint serves when they are enabled
	 * @return the exception
	 */
	public static JsonApiException methodNotAllowed(ResourceDescriptor resource, Object method,
			Set<ResourceMethod> endpointMethods) {
		return new JsonApiException(405,
				List.of(ErrorObject.of(405, "Method not allowed",
						"Method " + method + " is not allowed on this endpoint of '" + resource.type() + "'")),
				Map.of("Allow", String.join(", ", enabledMethods(resource, endpointMethods))));
	}

	/**
	 * An exposed relationship of a resource, named in a URL.
	 * @param resource the resource
	 * @param relation the relationship name
	 * @return the relationship
	 * @throws JsonApiException 404 when the resource has no such exposed relationship (attributes
	 * and hidden relationships included)
	 */
	public RelationshipDescriptor relationship(ResourceDescriptor resource, String relation) {
		return resource.relationship(relation)
			.filter((relationship) -> this.visibility.readable(resource, relationship.name()))
			.orElseThrow(() -> JsonApiException
				.notFound("'" + resource.type() + "' has no relationship named '" + relation + "'"));
	}

	/**
	 * The relationship a relationship write addresses, if that write is allowed on it. Checked
	 * before the request body is read: a forbidden write is {@code 403} whatever the body (except
	 * the replacement of a to-many relationship, which depends on its current members: see
	 * {@link #checkToManyReplacement}).
	 * @param endpoint what the relationship endpoint may do for the resource
	 * @param relation the relationship name from the URL
	 * @return what the request may do
	 */
	public Target writableRelationship(Target endpoint, String relation) {
		ResourceDescriptor resource = endpoint.resource();
		Operation operation = endpoint.operation();
		RelationshipDescriptor relationship = relationship(resource, relation);
		Denial denial = decide(resource, operation, relationship);
		if (denial == Denial.NOT_TO_MANY) {
			throw JsonApiException.forbidden(describe(resource, relationship)
					+ " is a to-one relationship: members can only be "
					+ ((operation == Operation.POST_RELATIONSHIP) ? "added to" : "removed from")
					+ " to-many relationships; PATCH it instead");
		}
		if (denial != null) {
			throw relationshipChangeRefused(denial, resource, relationship);
		}
		return endpoint.withRelationship(operation, relationship);
	}

	// ---- operations of atomic requests

	/**
	 * The resource an operation of an atomic request addresses, if the operation is enabled for
	 * it.
	 * @param type the type the operation names
	 * @param typePointer where the operation names it
	 * @param operation what the operation does
	 * @param op the operation's {@code op} code, for the error
	 * @return what the operation may do
	 * @throws JsonApiException {@code 404} at the type for an unknown type, {@code 403} at
	 * {@code /op} when the method is not enabled
	 */
	public Target operationResource(String type, String typePointer, Operation operation, String op) {
		ResourceDescriptor resource = this.registry.find(type)
			.orElseThrow(() -> new JsonApiException(ErrorObject.atPointer(404, "Not found",
					"There is no collection named '" + type + "'", typePointer)));
		if (decide(resource, operation, null) == Denial.METHOD_NOT_ENABLED) {
			throw new JsonApiException(ErrorObject.atPointer(403, "Operation not allowed",
					"'" + type + "' does not allow \"" + op + "\" here (" + methodOf(operation)
							+ " is not enabled for it)",
					"/op"));
		}
		this.access.check(resource, operation, null);
		return new Target(resource, operation, null);
	}

	/**
	 * The relationship an operation of an atomic request changes, if that change is allowed.
	 * @param target what the operation may do to the resource
	 * @param relation the relationship name the operation gives
	 * @param relationPointer where the operation gives it
	 * @return what the operation may do
	 * @throws JsonApiException {@code 404} at the name for an unknown relationship, {@code 400} at
	 * {@code /op} for adding to or removing from a to-one relationship, {@code 403} when the
	 * resource does not allow the change
	 */
	public Target operationRelationship(Target target, String relation, String relationPointer) {
		ResourceDescriptor resource = target.resource();
		Operation operation = target.operation();
		RelationshipDescriptor relationship = resource.relationship(relation)
			.filter((candidate) -> this.visibility.readable(resource, candidate.name()))
			.orElseThrow(() -> new JsonApiException(ErrorObject.atPointer(404, "Relationship not found",
					"'" + resource.type() + "' has no relationship named '" + relation + "'", relationPointer)));
		Denial denial = decide(resource, operation, relationship);
		if (denial == Denial.NOT_TO_MANY) {
			throw JsonApiException.badDocument("/op", "'" + relationship.name() + "' is a to-one relationship: "
					+ "set it with \"update\"");
		}
		if (denial != null) {
			throw relationshipChangeRefused(denial, resource, relationship);
		}
		return target.withRelationship(operation, relationship);
	}

	// ---- access to rows and fields

	/**
	 * The access rule of an operation, asked again with the row it reads or writes: the rule may
	 * look at it (an update allowed to the resource's owner only).
	 * @param resource the resource
	 * @param operation the operation
	 * @param entity the row, loaded in the caller's scope (or built, for a creation)
	 */
	public void checkEntity(ResourceDescriptor resource, Operation operation, Object entity) {
		this.access.check(resource, operation, entity);
	}

	/**
	 * The read rule of a resource whose rows a request shows through another resource: related
	 * resources, relationship linkage and included resources.
	 * @param resource the resource shown
	 */
	public void checkRead(ResourceDescriptor resource) {
		this.access.check(resource, Operation.GET_COLLECTION, null);
	}

	/**
	 * The read rule of every resource the client's {@code include} paths reach.
	 * @param resource the resource of the primary data
	 * @param query the parsed query
	 */
	public void checkIncludes(ResourceDescriptor resource, QueryParameters query) {
		if (query.include() == null) {
			return;
		}
		for (String path : query.include()) {
			ResourceDescriptor current = resource;
			for (String segment : path.split("\\.")) {
				RelationshipDescriptor relationship = current.relationship(segment).orElse(null);
				if (relationship == null) {
					break;
				}
				current = this.registry.find(relationship.targetClass()).orElseThrow();
				checkRead(current);
			}
		}
	}

	/**
	 * The field rules of every attribute and relationship a resource object sends.
	 * @param resource the resource written
	 * @param data the resource object
	 * @param pointer where the resource object is
	 */
	public void checkFieldWrites(ResourceDescriptor resource, ObjectNode data, String pointer) {
		for (String member : List.of("attributes", "relationships")) {
			if (data.get(member) instanceof ObjectNode fields) {
				for (String name : fields.propertyNames()) {
					this.access.checkFieldWrite(resource, name, pointer + "/" + member + "/" + name);
				}
			}
		}
	}

	/**
	 * The field rule of a relationship written through its relationship endpoint or operation.
	 * @param resource the resource written
	 * @param relationship the relationship
	 */
	public void checkRelationshipWrite(ResourceDescriptor resource, RelationshipDescriptor relationship) {
		this.access.checkFieldWrite(resource, relationship.name(), "/data");
	}

	// ---- changes of every kind

	/**
	 * How a change can name the version it expects. The rule of preconditions is the same for
	 * every change; only where the version can be given, and so what a refusal tells the client,
	 * differs.
	 */
	public enum VersionCarriers {

		/**
		 * A single request without a resource object (a {@code DELETE}, a write to a relationship
		 * endpoint): only an {@code If-Match} header.
		 */
		IF_MATCH("an If-Match header with the resource's ETag"),

		/** A single {@code PATCH}: an {@code If-Match} header or the resource object's {@code meta.version}. */
		IF_MATCH_OR_RESOURCE_OBJECT("an If-Match header with the resource's ETag, or the resource's version "
				+ "as meta.version of the resource object"),

		/**
		 * An operation of an atomic request without a resource object (a removal, a relationship
		 * change): the operation's {@code meta.version} ({@code If-Match} cannot be given per
		 * operation).
		 */
		OPERATION("the resource's version as the operation's meta.version"),

		/** An {@code update} operation: its {@code meta.version} or its resource object's. */
		OPERATION_OR_RESOURCE_OBJECT("the resource's version as the operation's meta.version or as the "
				+ "resource object's");

		private final String description;

		VersionCarriers(String description) {
			this.description = description;
		}

	}

	/**
	 * The one rule of preconditions, for single requests and atomic operations alike: a change to
	 * a resource that requires a precondition ({@code requireIfMatch}) must name the version it
	 * expects, in any of the ways the change can carry one; a blind change is refused with
	 * {@code 428}. Creating never needs one.
	 * @param resource the resource the change writes
	 * @param precondition what the change expects: its {@code If-Match} condition and the
	 * {@code meta.version} it gives, if any
	 * @param carriers where this change can give the version, for the error
	 * @throws JsonApiException {@code 428} when the resource requires a precondition and the
	 * change has none
	 */
	public void checkPrecondition(ResourceDescriptor resource, Precondition precondition, VersionCarriers carriers) {
		if (precondition.isPresent() || !resource.requireIfMatch()) {
			return;
		}
		String detail = "Changes to '" + resource.type() + "' must name the version they expect: give "
				+ carriers.description + "; read the resource to get it";
		boolean single = carriers == VersionCarriers.IF_MATCH
				|| carriers == VersionCarriers.IF_MATCH_OR_RESOURCE_OBJECT;
		throw new JsonApiException(single ? ErrorObject.atHeader(428, "Precondition required", detail, "If-Match")
				: ErrorObject.of(428, "Precondition required", detail));
	}

	/**
	 * Whether a to-many relationship of an existing resource may be given other members than its
	 * current ones, whichever write does it: a {@code PATCH} of the resource or of the
	 * relationship, or an atomic operation. Asked only for a replacement that changes the members:
	 * sending exactly the current members (as a client that reads, edits and saves a resource does)
	 * replaces nothing, and creating a resource replaces nothing either.
	 * @param resource the resource
	 * @param relationship the to-many relationship about to be replaced
	 * @throws JsonApiException {@code 403} when the resource does not allow replacing it
	 */
	public void checkToManyReplacement(ResourceDescriptor resource, RelationshipDescriptor relationship) {
		if (relationship.toMany() && !resource.allowToManyReplacement()) {
			throw relationshipChangeRefused(Denial.NO_TO_MANY_REPLACEMENT, resource, relationship);
		}
	}

	// ---- refusals

	private static JsonApiException relationshipChangeRefused(Denial denial, ResourceDescriptor resource,
			RelationshipDescriptor relationship) {
		String name = describe(resource, relationship);
		return switch (denial) {
			case NO_TO_MANY_REPLACEMENT ->
				JsonApiException.forbidden("Replacing the to-many relationship " + name + " is not allowed");
			case NO_REMOVAL_FROM_TO_MANY ->
				JsonApiException.forbidden("Removing members from the to-many relationship " + name + " is not allowed");
			default -> throw new IllegalStateException("Not a relationship refusal: " + denial);
		};
	}

	private static JsonApiException functionsNotAllowed(ResourceDescriptor resource) {
		return JsonApiException.notFound("'" + resource.type() + "' does not allow function evaluation");
	}

	private static String describe(ResourceDescriptor resource, RelationshipDescriptor relationship) {
		return "'" + relationship.name() + "' of '" + resource.type() + "'";
	}

}
