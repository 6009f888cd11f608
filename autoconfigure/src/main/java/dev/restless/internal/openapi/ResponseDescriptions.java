package dev.restless.internal.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.restless.internal.document.AtomicDocuments;
import dev.restless.internal.metamodel.ResourceDescriptor;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The responses and bodies of the operations: JSON:API documents with their media types and
 * headers, and the error responses, one component per status every operation that answers it
 * refers to.
 */
final class ResponseDescriptions {

	/** The JSON:API media type. */
	static final String JSON_API = "application/vnd.api+json";

	/** The JSON:API media type with the Atomic Operations extension. */
	static final String JSON_API_ATOMIC = JSON_API + "; ext=\"" + AtomicDocuments.EXTENSION + "\"";

	/** The cursor pagination profile's media type. */
	static final String JSON_API_CURSOR = JSON_API
			+ "; profile=\"https://jsonapi.org/profiles/ethanresnick/cursor-pagination\"";

	private static final String ERROR_RESPONSE_PREFIX = "jsonapi.error-";

	private static final Map<Integer, String> ERROR_DESCRIPTIONS = errorDescriptions();

	/** The statuses every operation can answer. */
	private static final int[] ALWAYS = { 401, 500, 503, 504 };

	/** Every error status some operation answers, for the response components. */
	private final Set<Integer> errorStatuses = new TreeSet<>();

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

	/** Add the {@code ETag} header to a response of a versioned resource. */
	static void addEntityTag(ResourceDescriptor resource, ApiResponse response) {
		if (resource.version() != null) {
			response.addHeaderObject("ETag", header("The entity tag of this version, for If-Match and If-None-Match",
					true));
		}
	}

	/** A response header with a string value. */
	static Header header(String description, boolean required) {
		return new Header().description(description).required(required).schema(JsonSchemas.string());
	}

	/** A required JSON:API request document of a component schema. */
	static RequestBody body(String component) {
		return new RequestBody().required(Boolean.TRUE).content(jsonApi(JsonSchemas.ref(component)));
	}

	/** Content of the JSON:API media type. */
	static Content jsonApi(Schema<Object> schema) {
		return new Content().addMediaType(JSON_API, new MediaType().schema(schema));
	}

	/** A successful response with a JSON:API document, also with the cursor profile on pages. */
	static ApiResponse ok(String description, Schema<Object> schema, boolean cursorProfile) {
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
	ApiResponses change(String description, int... errors) {
		ApiResponses responses = of(204, noContent(description), errors);
		responses.addApiResponse("200", new ApiResponse().description("The document a postprocessor set")
			.content(jsonApi(JsonSchemas.ref(SharedSchemas.ANY_DOCUMENT))));
		return responses;
	}

	/**
	 * The responses of an operation: its success and the errors it can answer (and {@code 500}).
	 * @param status the status of the success
	 * @param success the successful response
	 * @param errors the error statuses
	 * @return the responses
	 */
	ApiResponses of(int status, ApiResponse success, int... errors) {
		ApiResponses responses = new ApiResponses();
		responses.addApiResponse(String.valueOf(status), success);
		for (int error : errors) {
			this.errorStatuses.add(error);
			responses.addApiResponse(String.valueOf(error),
					new ApiResponse().$ref("#/components/responses/" + ERROR_RESPONSE_PREFIX + error));
		}
		// whatever the operation: an anonymous caller refused by an access rule, an unexpected
		// failure, a database fault before the commit, and a commit whose outcome is unknown
		for (int always : ALWAYS) {
			this.errorStatuses.add(always);
			responses.addApiResponse(String.valueOf(always),
					new ApiResponse().$ref("#/components/responses/" + ERROR_RESPONSE_PREFIX + always));
		}
		return responses;
	}

	private static Map<Integer, String> errorDescriptions() {
		Map<Integer, String> descriptions = new LinkedHashMap<>();
		descriptions.put(400, "Bad request: a query parameter or the request document is invalid");
		descriptions.put(401, "Unauthorized: an access rule needs an authenticated caller");
		descriptions.put(403, "Forbidden: the resource does not allow this, or the application refuses it");
		descriptions.put(404, "Not found");
		descriptions.put(406, "Not acceptable: Accept allows no JSON:API media type this endpoint produces");
		descriptions.put(409,
				"Conflict: a type or id does not match, the resource exists, others still reference it, or a "
						+ "request with the same Idempotency-Key is still running");
		descriptions.put(412, "Precondition failed: If-Match or meta.version names another version");
		descriptions.put(413, "The request document is too large");
		descriptions.put(415, "Unsupported media type: send application/vnd.api+json");
		descriptions.put(422, "Unprocessable: the resource would break a constraint, or the Idempotency-Key was "
				+ "used for another request");
		descriptions.put(428, "Precondition required: this resource must be changed with If-Match");
		descriptions.put(500, "An unexpected failure");
		descriptions.put(503, "The database cannot be reached, timed out or the server is busy; nothing was "
				+ "written, and Retry-After says when to try again");
		descriptions.put(504, "The connection to the database was lost while committing: the change may or "
				+ "may not have been written; repeat it only with the same Idempotency-Key");
		return descriptions;
	}

}
