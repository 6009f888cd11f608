package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.document.AtomicDocuments;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.service.OperationRules;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The path items of the API: for each resource its collection, its resources, the related
 * resources and the relationship endpoints of each relationship and, where it allows functions,
 * its eval endpoint; and the Atomic Operations endpoint. Each carries only the operations the
 * resource enables, as the rules of the service layer decide them, with stable operation ids
 * and one tag per resource.
 */
final class ApiPaths {

	/** The JSON:API media type. */
	static final String JSON_API = "application/vnd.api+json";

	/** The JSON:API media type with the Atomic Operations extension. */
	static final String JSON_API_ATOMIC = JSON_API + "; ext=\"" + AtomicDocuments.EXTENSION + "\"";

	/** The cursor pagination profile's media type. */
	static final String JSON_API_CURSOR = JSON_API
			+ "; profile=\"https://jsonapi.org/profiles/ethanresnick/cursor-pagination\"";

	private static final String ERROR_RESPONSE_PREFIX = "jsonapi.error-";

	private static final Map<Integer, String> ERROR_DESCRIPTIONS = errorDescriptions();

	private final String basePath;

	private final ResourceTypes types;

	private final QueryParameterDescriptions parameters;

	private final OperationIds operationIds = new OperationIds();

	/** Every error status some operation answers, for the response components. */
	private final Set<Integer> errorStatuses = new TreeSet<>();

	/**
	 * Create the paths.
	 * @param basePath the path of the API under the server URL, without a trailing slash
	 * @param types the resources
	 * @param parameters the query parameters
	 */
	ApiPaths(String basePath, ResourceTypes types, QueryParameterDescriptions parameters) {
		this.basePath = basePath;
		this.types = types;
		this.parameters = parameters;
	}

	/**
	 * The path items of every endpoint, in a stable order.
	 * @return the path items by path
	 */
	Map<String, PathItem> paths() {
		Map<String, PathItem> paths = new LinkedHashMap<>();
		for (ResourceDescriptor resource : this.types.all()) {
			addResourcePaths(resource, paths);
		}
		paths.put(this.basePath + "/operations", new PathItem().post(atomicOperations()));
		return paths;
	}

	/**
	 * The error responses the operations refer to.
	 * @return the response components by name
	 */
	Map<String, ApiResponse> errorResponses() {
		Map<String, ApiResponse> responses = new LinkedHashMap<>();
		for (int status : this.errorStatuses) {
			responses.put(ERROR_RESPONSE_PREFIX + status, new ApiResponse().description(ERROR_DESCRIPTIONS.get(status))
				.content(jsonApi(JsonSchemas.ref(SharedSchemas.ERROR_DOCUMENT))));
		}
		return responses;
	}

	private void addResourcePaths(ResourceDescriptor resource, Map<String, PathItem> paths) {
		String collection = this.basePath + "/" + resource.type();
		String tag = resource.type();
		PathItem collectionItem = new PathItem();
		if (allows(resource, Operation.GET_COLLECTION)) {
			io.swagger.v3.oas.models.Operation read = operation(tag, "list", resource, null,
					"Read a page of " + resource.type());
			read.setParameters(concat(this.parameters.collection(resource, true), this.parameters.compound(resource)));
			Schema<Object> page = JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.COLLECTION_DOCUMENT));
			read.setResponses(responses(200, ok("A page of " + resource.type(), page, true), 400, 403, 404, 406));
			collectionItem.setGet(read);
		}
		if (allows(resource, Operation.POST_RESOURCE)) {
			io.swagger.v3.oas.models.Operation create = operation(tag, "create", resource, null,
					"Create a " + resource.type() + " resource");
			create.setRequestBody(body(ComponentNames.of(resource, ComponentNames.CREATE_DOCUMENT)));
			ApiResponse created = ok("Created", JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.DOCUMENT)),
					false);
			created.addHeaderObject("Location", header("The URL of the new resource", true));
			addEntityTag(resource, created);
			create.setResponses(responses(201, created, 400, 403, 404, 406, 409, 413, 415, 422));
			collectionItem.setPost(create);
		}
		putIfAny(paths, collection, collectionItem);

		PathItem resourceItem = new PathItem();
		resourceItem.addParametersItem(idParameter("id", resource));
		if (allows(resource, Operation.GET_RESOURCE)) {
			io.swagger.v3.oas.models.Operation read = operation(tag, "get", resource, null,
					"Read a " + resource.type());
			read.setParameters(concat(conditionalRead(resource), this.parameters.compound(resource)));
			ApiResponse found = ok("The resource",
					JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.DOCUMENT)), false);
			addEntityTag(resource, found);
			ApiResponses responses = responses(200, found, 400, 403, 404, 406);
			if (resource.version() != null) {
				responses.addApiResponse("304", new ApiResponse()
					.description("Not modified: If-None-Match matched the current ETag")
					.addHeaderObject("ETag", header("The entity tag of the current version", true)));
			}
			read.setResponses(responses);
			resourceItem.setGet(read);
		}
		if (allows(resource, Operation.PATCH_RESOURCE)) {
			io.swagger.v3.oas.models.Operation update = operation(tag, "update", resource, null,
					"Change a " + resource.type() + ": only the members sent change");
			update.setParameters(concat(List.of(ifMatch(resource)), this.parameters.compound(resource)));
			update.setRequestBody(body(ComponentNames.of(resource, ComponentNames.UPDATE_DOCUMENT)));
			ApiResponse updated = ok("The changed resource",
					JsonSchemas.ref(ComponentNames.of(resource, ComponentNames.DOCUMENT)), false);
			addEntityTag(resource, updated);
			update.setResponses(responses(200, updated, 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
			resourceItem.setPatch(update);
		}
		if (allows(resource, Operation.DELETE_RESOURCE)) {
			io.swagger.v3.oas.models.Operation delete = operation(tag, "delete", resource, null,
					"Delete a " + resource.type());
			delete.setParameters(List.of(ifMatch(resource)));
			delete.setResponses(changeResponses("Deleted", 400, 403, 404, 406, 409, 412, 428));
			resourceItem.setDelete(delete);
		}
		putIfAny(paths, collection + "/{id}", resourceItem);

		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			addRelationshipPaths(resource, relationship, collection, paths);
		}
		if (allows(resource, Operation.EVAL)) {
			io.swagger.v3.oas.models.Operation eval = operation(tag, "evaluate", resource, null,
					"Compute functions over the " + resource.type() + " that match the filters");
			eval.setParameters(concat(List.of(this.parameters.functions()), this.parameters.filters(resource)));
			eval.setResponses(responses(200, ok("The value of each function",
					JsonSchemas.ref(SharedSchemas.EVAL_DOCUMENT), false), 400, 403, 404, 406));
			paths.put(this.basePath + "/eval/" + resource.type(), new PathItem().get(eval));
		}
	}

	private void addRelationshipPaths(ResourceDescriptor resource, RelationshipDescriptor relationship,
			String collection, Map<String, PathItem> paths) {
		String tag = resource.type();
		String name = relationship.name();
		ResourceDescriptor target = this.types.target(relationship);
		if (allows(resource, Operation.GET_RELATED)) {
			io.swagger.v3.oas.models.Operation related = operation(tag, "get", resource, name,
					"Read the " + name + " of a " + resource.type());
			List<Parameter> query = relationship.toMany() ? this.parameters.collection(target, false) : List.of();
			related.setParameters(concat(query, this.parameters.compound(target)));
			related.setResponses(responses(200, ok("The related " + (relationship.toMany() ? "resources" : "resource"),
					JsonSchemas.ref(ComponentNames.of(target, relationship.toMany() ? ComponentNames.COLLECTION_DOCUMENT
							: ResourceSchemas.OPTIONAL_DOCUMENT)), relationship.toMany()), 400, 403, 404, 406));
			PathItem relatedItem = new PathItem().get(related);
			relatedItem.addParametersItem(idParameter("id", resource));
			paths.put(collection + "/{id}/" + name, relatedItem);
			if (relationship.toMany()) {
				io.swagger.v3.oas.models.Operation member = operation(tag, "get", resource, name + "-member",
						"Read one of the " + name + " of a " + resource.type());
				member.setParameters(this.parameters.compound(target));
				Schema<Object> document = JsonSchemas.ref(ComponentNames.of(target, ComponentNames.DOCUMENT));
				member.setResponses(responses(200, ok("The related resource", document, false), 400, 403, 404, 406));
				PathItem memberItem = new PathItem().get(member);
				memberItem.addParametersItem(idParameter("id", resource));
				memberItem.addParametersItem(idParameter("relatedId", target));
				paths.put(collection + "/{id}/" + name + "/{relatedId}", memberItem);
			}
		}
		PathItem relationshipItem = new PathItem();
		relationshipItem.addParametersItem(idParameter("id", resource));
		String linkageDocument = ComponentNames.of(target, relationship.toMany()
				? ResourceSchemas.TO_MANY_LINKAGE_DOCUMENT : ResourceSchemas.TO_ONE_LINKAGE_DOCUMENT);
		String linkageRequest = ComponentNames.of(target, relationship.toMany()
				? ResourceSchemas.TO_MANY_LINKAGE_REQUEST : ResourceSchemas.TO_ONE_LINKAGE_REQUEST);
		if (allows(resource, Operation.GET_RELATIONSHIP)) {
			io.swagger.v3.oas.models.Operation read = operation(tag, "get", resource, name + "-relationship",
					"Read the linkage of the " + name + " of a " + resource.type());
			read.setParameters(relationship.toMany()
					? concat(this.parameters.collection(target, false), this.parameters.compound(target))
					: this.parameters.compound(target));
			read.setResponses(responses(200, ok("The linkage", JsonSchemas.ref(linkageDocument), relationship.toMany()),
					400, 404, 406));
			relationshipItem.setGet(read);
		}
		if (allows(resource, Operation.PATCH_RELATIONSHIP)) {
			relationshipItem.setPatch(relationshipWrite(resource, "replace", name, linkageRequest,
					relationship.toMany() ? "Replace all members of the " + name + " of a " + resource.type()
							+ (resource.allowToManyReplacement() ? "" : " (refused with 403 unless they stay the same)")
							: "Set the " + name + " of a " + resource.type()));
		}
		if (relationship.toMany() && allows(resource, Operation.POST_RELATIONSHIP)) {
			relationshipItem.setPost(relationshipWrite(resource, "add", name, linkageRequest,
					"Add members to the " + name + " of a " + resource.type()));
		}
		if (relationship.toMany() && allows(resource, Operation.DELETE_RELATIONSHIP)
				&& resource.allowDeleteFromToManyRelationships()) {
			relationshipItem.setDelete(relationshipWrite(resource, "remove", name, linkageRequest,
					"Remove members from the " + name + " of a " + resource.type()));
		}
		putIfAny(paths, collection + "/{id}/relationships/" + name, relationshipItem);
	}

	private io.swagger.v3.oas.models.Operation relationshipWrite(ResourceDescriptor resource, String verb,
			String relationship, String requestSchema, String summary) {
		io.swagger.v3.oas.models.Operation write = operation(resource.type(), verb, resource,
				relationship + "-relationship", summary);
		write.setParameters(List.of(ifMatch(resource)));
		write.setRequestBody(body(requestSchema));
		write.setResponses(changeResponses("Changed", 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
		return write;
	}

	private io.swagger.v3.oas.models.Operation atomicOperations() {
		io.swagger.v3.oas.models.Operation operation = new io.swagger.v3.oas.models.Operation();
		operation.setTags(List.of("operations"));
		operation.setOperationId(this.operationIds.unique("atomicOperations"));
		operation.setSummary("Perform several operations in one transaction (Atomic Operations extension)");
		operation.setRequestBody(new RequestBody().required(Boolean.TRUE)
			.content(new Content().addMediaType(JSON_API_ATOMIC,
					new MediaType().schema(JsonSchemas.ref(SharedSchemas.ATOMIC_REQUEST)))));
		ApiResponse results = new ApiResponse().description("The results, one per operation")
			.content(new Content().addMediaType(JSON_API_ATOMIC,
					new MediaType().schema(JsonSchemas.ref(SharedSchemas.ATOMIC_RESPONSE))));
		operation.setResponses(responses(200, results, 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
		operation.getResponses()
			.addApiResponse("204", new ApiResponse().description("Done; no operation has a result"));
		return operation;
	}

	private static boolean allows(ResourceDescriptor resource, Operation operation) {
		return resource.allows(OperationRules.methodOf(operation))
				&& (operation != Operation.EVAL || resource.allowFunctions());
	}

	private io.swagger.v3.oas.models.Operation operation(String tag, String verb, ResourceDescriptor resource,
			String relationship, String summary) {
		io.swagger.v3.oas.models.Operation operation = new io.swagger.v3.oas.models.Operation();
		operation.setTags(List.of(tag));
		operation.setSummary(summary);
		operation.setOperationId(this.operationIds.of(verb, resource.type(), relationship));
		return operation;
	}

	private static void putIfAny(Map<String, PathItem> paths, String path, PathItem item) {
		if (!item.readOperations().isEmpty()) {
			paths.put(path, item);
		}
	}

	private static List<Parameter> concat(List<Parameter> first, List<Parameter> second) {
		List<Parameter> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static Parameter idParameter(String name, ResourceDescriptor resource) {
		Schema<Object> schema = resource.id().composite() ? JsonSchemas.string()
				: AttributeSchemas.idText(resource.id().javaType());
		return new Parameter().name(name).in("path").required(Boolean.TRUE).schema(schema)
			.description("The id of a " + resource.type() + (resource.id().composite()
					? ": the key's components joined by ',' (URL-encoded)" : ""));
	}

	private static List<Parameter> conditionalRead(ResourceDescriptor resource) {
		if (resource.version() == null) {
			return List.of();
		}
		return List.of(new Parameter().name("If-None-Match").in("header").schema(JsonSchemas.string())
			.description("Answer 304 without a body when one of these entity tags (or *) matches the current ETag"));
	}

	private static Parameter ifMatch(ResourceDescriptor resource) {
		String required = resource.requireIfMatch() ? " Required by this resource (otherwise 428), unless a PATCH "
				+ "gives the version as meta.version." : "";
		return new Parameter().name("If-Match").in("header").schema(JsonSchemas.string())
			.description("Change only if one of these entity tags matches the current ETag (otherwise 412); * "
					+ "matches any existing resource." + required);
	}

	private static void addEntityTag(ResourceDescriptor resource, ApiResponse response) {
		if (resource.version() != null) {
			response.addHeaderObject("ETag", header("The entity tag of this version, for If-Match and If-None-Match",
					true));
		}
	}

	private static Header header(String description, boolean required) {
		return new Header().description(description).required(required).schema(JsonSchemas.string());
	}

	private static RequestBody body(String component) {
		return new RequestBody().required(Boolean.TRUE).content(jsonApi(JsonSchemas.ref(component)));
	}

	static Content jsonApi(Schema<Object> schema) {
		return new Content().addMediaType(JSON_API, new MediaType().schema(schema));
	}

	private static ApiResponse ok(String description, Schema<Object> schema, boolean cursorProfile) {
		Content content = jsonApi(schema);
		if (cursorProfile) {
			content.addMediaType(JSON_API_CURSOR, new MediaType().schema(schema));
		}
		return new ApiResponse().description(description).content(content);
	}

	private static ApiResponse noContent(String description) {
		return new ApiResponse().description(description);
	}

	/** A change that answers {@code 204}, or {@code 200} with the document a postprocessor set. */
	private ApiResponses changeResponses(String description, int... errors) {
		ApiResponses responses = responses(204, noContent(description), errors);
		responses.addApiResponse("200", new ApiResponse().description("The document a postprocessor set")
			.content(jsonApi(JsonSchemas.ref(SharedSchemas.ANY_DOCUMENT))));
		return responses;
	}

	private ApiResponses responses(int status, ApiResponse success, int... errors) {
		ApiResponses responses = new ApiResponses();
		responses.addApiResponse(String.valueOf(status), success);
		for (int error : errors) {
			this.errorStatuses.add(error);
			responses.addApiResponse(String.valueOf(error),
					new ApiResponse().$ref("#/components/responses/" + ERROR_RESPONSE_PREFIX + error));
		}
		this.errorStatuses.add(500);
		responses.addApiResponse("500",
				new ApiResponse().$ref("#/components/responses/" + ERROR_RESPONSE_PREFIX + 500));
		return responses;
	}

	private static Map<Integer, String> errorDescriptions() {
		Map<Integer, String> descriptions = new LinkedHashMap<>();
		descriptions.put(400, "Bad request: a query parameter or the request document is invalid");
		descriptions.put(403, "Forbidden: the resource does not allow this, or the application refuses it");
		descriptions.put(404, "Not found");
		descriptions.put(406, "Not acceptable: Accept allows no JSON:API media type this endpoint produces");
		descriptions.put(409,
				"Conflict: a type or id does not match, the resource exists, or others still reference it");
		descriptions.put(412, "Precondition failed: If-Match or meta.version names another version");
		descriptions.put(413, "The request document is too large");
		descriptions.put(415, "Unsupported media type: send application/vnd.api+json");
		descriptions.put(422, "Unprocessable: the resource would break a constraint");
		descriptions.put(428, "Precondition required: this resource must be changed with If-Match");
		descriptions.put(500, "An unexpected failure");
		return descriptions;
	}

}
