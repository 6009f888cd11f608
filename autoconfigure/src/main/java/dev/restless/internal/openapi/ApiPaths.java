package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.service.OperationRules;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import static dev.restless.internal.openapi.ResponseDescriptions.JSON_API_ATOMIC;
import static dev.restless.internal.openapi.ResponseDescriptions.addEntityTag;
import static dev.restless.internal.openapi.ResponseDescriptions.body;
import static dev.restless.internal.openapi.ResponseDescriptions.header;
import static dev.restless.internal.openapi.ResponseDescriptions.ok;

/**
 * The path items of the API: for each resource its collection, its resources, the related
 * resources and the relationship endpoints of each relationship and, where it allows functions,
 * its eval endpoint; and the Atomic Operations endpoint. Each carries only the operations the
 * resource enables, as the rules of the service layer decide them, with stable operation ids
 * and one tag per resource.
 */
final class ApiPaths {

	private final String basePath;

	private final ResourceTypes types;

	private final QueryParameterDescriptions parameters;

	private final OperationIds operationIds = new OperationIds();

	private final ResponseDescriptions responses = new ResponseDescriptions();

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
		paths.put(this.basePath, new PathItem().get(index()));
		return paths;
	}

	/** {@code GET} of the base path: the index of the collections and of their models. */
	private io.swagger.v3.oas.models.Operation index() {
		io.swagger.v3.oas.models.Operation operation = new io.swagger.v3.oas.models.Operation();
		operation.setTags(List.of("index"));
		operation.setOperationId(this.operationIds.unique("getIndex"));
		operation.setSummary("The collections of the API, with their links and models");
		operation.setResponses(this.responses.of(200,
				ResponseDescriptions.ok("The index", JsonSchemas.ref(SharedSchemas.ANY_DOCUMENT), false), 406));
		return operation;
	}

	/**
	 * The error responses the operations refer to.
	 * @return the response components by name
	 */
	Map<String, ApiResponse> errorResponses() {
		return this.responses.errorResponses();
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
			read.setResponses(
					this.responses.of(200, ok("A page of " + resource.type(), page, true), 400, 403, 404, 406));
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
			create.setResponses(this.responses.of(201, created, 400, 403, 404, 406, 409, 413, 415, 422));
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
			ApiResponses responses = this.responses.of(200, found, 400, 403, 404, 406);
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
			update.setResponses(
					this.responses.of(200, updated, 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
			resourceItem.setPatch(update);
		}
		if (allows(resource, Operation.DELETE_RESOURCE)) {
			io.swagger.v3.oas.models.Operation delete = operation(tag, "delete", resource, null,
					"Delete a " + resource.type());
			delete.setParameters(List.of(ifMatch(resource)));
			delete.setResponses(this.responses.change("Deleted", 400, 403, 404, 406, 409, 412, 428));
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
			eval.setResponses(this.responses.of(200, ok("The value of each function",
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
			Schema<Object> document = JsonSchemas.ref(ComponentNames.of(target,
					relationship.toMany() ? ComponentNames.COLLECTION_DOCUMENT : ResourceSchemas.OPTIONAL_DOCUMENT));
			String description = "The related " + (relationship.toMany() ? "resources" : "resource");
			related.setResponses(this.responses.of(200, ok(description, document, relationship.toMany()), 400, 403,
					404, 406));
			PathItem relatedItem = new PathItem().get(related);
			relatedItem.addParametersItem(idParameter("id", resource));
			paths.put(collection + "/{id}/" + name, relatedItem);
			if (relationship.toMany()) {
				io.swagger.v3.oas.models.Operation member = operation(tag, "get", resource, name + "-member",
						"Read one of the " + name + " of a " + resource.type());
				member.setParameters(this.parameters.compound(target));
				Schema<Object> memberDocument = JsonSchemas.ref(ComponentNames.of(target, ComponentNames.DOCUMENT));
				member.setResponses(this.responses.of(200, ok("The related resource", memberDocument, false), 400,
						403, 404, 406));
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
			read.setResponses(this.responses.of(200,
					ok("The linkage", JsonSchemas.ref(linkageDocument), relationship.toMany()), 400, 403, 404, 406));
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
		write.setResponses(this.responses.change("Changed", 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
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
		operation.setResponses(
				this.responses.of(200, results, 400, 403, 404, 406, 409, 412, 413, 415, 422, 428));
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


}
