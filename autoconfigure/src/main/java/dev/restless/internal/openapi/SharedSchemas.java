package dev.restless.internal.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.internal.document.AtomicDocuments;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The schemas JSON:API itself defines, shared by every resource: the {@code jsonapi} object,
 * links, the error document, and the documents of the Atomic Operations extension and of
 * function evaluation.
 */
final class SharedSchemas {

	static final String JSONAPI = ComponentNames.shared("jsonapi-object");

	static final String LINKS = ComponentNames.shared("links");

	static final String META = ComponentNames.shared("meta");

	static final String RELATIONSHIP_LINKS = ComponentNames.shared("relationship-links");

	static final String ERROR = ComponentNames.shared("error");

	static final String ERROR_DOCUMENT = ComponentNames.shared("error-document");

	static final String ANY_RESOURCE = ComponentNames.shared("any-resource");

	static final String ANY_IDENTIFIER = ComponentNames.shared("any-identifier");

	static final String ATOMIC_REQUEST = ComponentNames.shared("atomic-request");

	static final String ATOMIC_RESPONSE = ComponentNames.shared("atomic-response");

	static final String ANY_DOCUMENT = ComponentNames.shared("document");

	static final String EVAL_DOCUMENT = ComponentNames.shared("eval-document");

	private SharedSchemas() {
	}

	/**
	 * Add the shared schemas.
	 * @param schemas the component schemas to add to
	 * @param resourceNames the component names of the resource objects of every type
	 * @param identifierNames the component names of the identifiers of every type
	 */
	static void addTo(Map<String, Schema> schemas, List<String> resourceNames, List<String> identifierNames) {
		schemas.put(JSONAPI, jsonapiObject());
		schemas.put(LINKS, links());
		schemas.put(META, JsonSchemas.described(JsonSchemas.openObject(Map.of()), "Non-standard meta-information"));
		schemas.put(RELATIONSHIP_LINKS, relationshipLinks());
		schemas.put(ERROR, error());
		schemas.put(ERROR_DOCUMENT, errorDocument());
		schemas.put(ANY_RESOURCE, JsonSchemas.oneOf(resourceNames.stream().map(JsonSchemas::ref).toList()));
		schemas.put(ANY_IDENTIFIER, JsonSchemas.oneOf(identifierNames.stream().map(JsonSchemas::ref).toList()));
		schemas.put(ATOMIC_REQUEST, atomicRequest());
		schemas.put(ATOMIC_RESPONSE, atomicResponse());
		schemas.put(EVAL_DOCUMENT, evalDocument());
		Map<String, Schema> members = new LinkedHashMap<>();
		members.put("jsonapi", JsonSchemas.ref(JSONAPI));
		members.put("links", JsonSchemas.ref(LINKS));
		members.put("meta", JsonSchemas.ref(META));
		schemas.put(ANY_DOCUMENT, JsonSchemas.described(JsonSchemas.openObject(members), "A JSON:API document"));
	}

	private static Schema<Object> jsonapiObject() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("version", JsonSchemas.string());
		properties.put("ext", JsonSchemas.arrayOf(uri()));
		properties.put("profile", JsonSchemas.arrayOf(uri()));
		properties.put("meta", JsonSchemas.ref(META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of()),
				"The JSON:API version, and the extensions and profiles applied");
	}

	private static Schema<Object> uri() {
		Schema<Object> schema = JsonSchemas.string();
		schema.setFormat("uri");
		return schema;
	}

	/** A link: a URI, or {@code null} where there is no such page or resource. */
	static Schema<Object> link() {
		Schema<Object> schema = JsonSchemas.of("string", "null");
		schema.setFormat("uri");
		return schema;
	}

	private static Schema<Object> links() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		for (String name : List.of("self", "related", "first", "last", "prev", "next")) {
			properties.put(name, link());
		}
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of()),
				"Top-level links: the document itself and, for pages, the first, last, previous and next page "
						+ "(null where there is none)");
	}

	private static Schema<Object> relationshipLinks() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("self", uri());
		properties.put("related", uri());
		return JsonSchemas.closedObject(properties, List.of());
	}

	private static Schema<Object> error() {
		Map<String, Schema> source = new LinkedHashMap<>();
		source.put("pointer", JsonSchemas.described(JsonSchemas.string(),
				"A JSON pointer to the member of the request document the error is about"));
		source.put("parameter", JsonSchemas.described(JsonSchemas.string(), "The query parameter at fault"));
		source.put("header", JsonSchemas.described(JsonSchemas.string(), "The request header at fault"));
		Map<String, Schema> links = new LinkedHashMap<>();
		links.put("about", uri());
		links.put("type", uri());
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("id", JsonSchemas.string());
		properties.put("links", JsonSchemas.closedObject(links, List.of()));
		Schema<Object> status = JsonSchemas.described(JsonSchemas.string(), "The HTTP status code, as a string");
		status.setPattern("^[1-5][0-9][0-9]$");
		properties.put("status", status);
		properties.put("code", JsonSchemas.string());
		properties.put("title", JsonSchemas.string());
		properties.put("detail", JsonSchemas.string());
		properties.put("source", JsonSchemas.closedObject(source, List.of()));
		properties.put("meta", JsonSchemas.ref(META));
		return JsonSchemas.closedObject(properties, List.of());
	}

	private static Schema<Object> errorDocument() {
		Schema<Object> errors = JsonSchemas.arrayOf(JsonSchemas.ref(ERROR));
		errors.setMinItems(1);
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("jsonapi", JsonSchemas.ref(JSONAPI));
		properties.put("errors", errors);
		properties.put("links", JsonSchemas.ref(LINKS));
		properties.put("meta", JsonSchemas.ref(META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("errors")),
				"A JSON:API error document: one error object per problem");
	}

	private static Schema<Object> atomicRequest() {
		Map<String, Schema> ref = new LinkedHashMap<>();
		ref.put("type", JsonSchemas.string());
		ref.put("id", JsonSchemas.string());
		ref.put("lid", JsonSchemas.string());
		ref.put("relationship", JsonSchemas.string());
		Map<String, Schema> operation = new LinkedHashMap<>();
		Schema<Object> op = JsonSchemas.string();
		op.setEnum(List.of("add", "update", "remove"));
		operation.put("op", op);
		operation.put("ref", JsonSchemas.closedObject(ref, List.of("type")));
		operation.put("href", JsonSchemas.described(JsonSchemas.string(),
				"The URL of a collection, a resource or a relationship, instead of ref"));
		operation.put("data", JsonSchemas.described(JsonSchemas.of(),
				"A resource object (with type, and id or lid), resource linkage, or null"));
		operation.put("meta", JsonSchemas.ref(META));
		Schema<Object> operations = JsonSchemas.arrayOf(JsonSchemas.closedObject(operation, List.of("op")));
		operations.setMinItems(1);
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("atomic:operations", operations);
		properties.put("jsonapi", JsonSchemas.ref(JSONAPI));
		properties.put("meta", JsonSchemas.ref(META));
		properties.put("links", JsonSchemas.ref(LINKS));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("atomic:operations")),
				"A request of the Atomic Operations extension (" + AtomicDocuments.EXTENSION
						+ "): operations performed in order, all or none");
	}

	private static Schema<Object> atomicResponse() {
		Map<String, Schema> result = new LinkedHashMap<>();
		result.put("data", JsonSchemas.orNull(JsonSchemas.ref(ANY_RESOURCE)));
		result.put("meta", JsonSchemas.ref(META));
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("jsonapi", JsonSchemas.ref(JSONAPI));
		properties.put("atomic:results", JsonSchemas.arrayOf(JsonSchemas.closedObject(result, List.of())));
		properties.put("links", JsonSchemas.ref(LINKS));
		properties.put("meta", JsonSchemas.ref(META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("atomic:results")),
				"One result per operation, in order: the resource an add or update operation wrote");
	}

	private static Schema<Object> evalDocument() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("jsonapi", JsonSchemas.ref(JSONAPI));
		properties.put("data", JsonSchemas.described(
				JsonSchemas.arrayOf(JsonSchemas.of("number", "string", "boolean", "null")),
				"The value of each function, in the order asked"));
		properties.put("links", JsonSchemas.ref(LINKS));
		properties.put("meta", JsonSchemas.ref(META));
		return JsonSchemas.described(JsonSchemas.closedObject(properties, List.of("data")),
				"The results of function evaluation");
	}

}
