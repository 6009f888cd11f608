package dev.restless.internal.web;

import dev.restless.internal.service.JsonApiRequestHandler;
import dev.restless.internal.service.JsonApiResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.ProcessingException;
import dev.restless.ResourceMethod;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The HTTP face of Restless: maps every endpoint under {@code restless.base-path} to the request
 * handler, applies JSON:API content negotiation and writes every response, errors included, as a
 * JSON:API document.
 */
@RestController
@RequestMapping("${restless.base-path:/api}")
public class JsonApiController {

	private static final Log logger = LogFactory.getLog(JsonApiController.class);

	private static final Set<ResourceMethod> COLLECTION_METHODS = EnumSet.of(ResourceMethod.GET, ResourceMethod.POST);

	private static final Set<ResourceMethod> EVAL_METHODS = EnumSet.of(ResourceMethod.GET);

	private static final Set<ResourceMethod> RESOURCE_METHODS = EnumSet.of(ResourceMethod.GET, ResourceMethod.PATCH,
			ResourceMethod.DELETE);

	private static final Set<ResourceMethod> RELATED_METHODS = EnumSet.of(ResourceMethod.GET);

	private final JsonApiRequestHandler handler;

	private final ContentNegotiation negotiation;

	private final ObjectMapper mapper;

	private final RequestBodyReader bodies;

	private final ResponseWriter responses;

	/**
	 * Create the controller.
	 * @param handler handles the operations
	 * @param negotiation the content negotiation rules
	 * @param mapper writes documents
	 * @param bodies reads request documents, up to the configured size
	 */
	public JsonApiController(JsonApiRequestHandler handler, ContentNegotiation negotiation, ObjectMapper mapper,
			RequestBodyReader bodies) {
		this.handler = handler;
		this.negotiation = negotiation;
		this.mapper = mapper;
		this.bodies = bodies;
		this.responses = new ResponseWriter(mapper);
	}

	/**
	 * The checks every endpoint serving documents starts with: the query string, then the
	 * {@code Accept} header, which must allow a JSON:API document.
	 */
	private void checkRequest(HttpServletRequest request) {
		checkQueryString(request);
		this.negotiation.checkAccept(request.getHeader(HttpHeaders.ACCEPT));
	}

	/**
	 * Decode the query string before anything reads it: a malformed one (a broken
	 * percent-encoding, a parameter without a name) is a mistake of the client, answered with
	 * {@code 400} rather than the container's failure to parse it. Every endpoint calls it first
	 * (directly: as a {@code @ModelAttribute} method, Spring MVC would resolve it through its model
	 * machinery on every request).
	 */
	private static void checkQueryString(HttpServletRequest request) {
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new JsonApiException(ErrorObject.of(400, "Invalid query string",
					"The query string must be name=value pairs in percent-encoded UTF-8"));
		}
	}

	/**
	 * {@code /{collection}}: GET reads a page, POST creates.
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/{collection}")
	public void collection(@PathVariable String collection, HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		ResourceMethod method = method(request, collection, COLLECTION_METHODS);
		ResourceDescriptor resource = this.handler.resource(collection, method, COLLECTION_METHODS);
		if (method == ResourceMethod.GET) {
			write(this.handler.getCollection(resource, request), response);
			return;
		}
		this.negotiation.checkContentType(request.getContentType());
		write(this.handler.create(resource, body(request), request), response);
	}

	/**
	 * {@code /{collection}/{id}}: GET reads, PATCH updates, DELETE deletes.
	 * @param collection the collection name
	 * @param id the resource id
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/{collection}/{id}")
	public void resource(@PathVariable String collection, @PathVariable String id,
			HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		ResourceMethod method = method(request, collection, RESOURCE_METHODS);
		ResourceDescriptor resource = this.handler.resource(collection, method, RESOURCE_METHODS);
		JsonApiResponse result = switch (method) {
			case GET -> this.handler.getResource(resource, id, request);
			case PATCH -> {
				this.negotiation.checkContentType(request.getContentType());
				yield this.handler.update(resource, id, body(request), request);
			}
			default -> this.handler.delete(resource, id, request);
		};
		write(result, response);
	}

	/**
	 * {@code /{collection}/{id}/{relation}}: GET reads the related resource or resources.
	 * @param collection the collection name
	 * @param id the resource id
	 * @param relation the relationship name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/{collection}/{id}/{relation}")
	public void related(@PathVariable String collection, @PathVariable String id,
			@PathVariable String relation, HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		ResourceMethod method = method(request, collection, RELATED_METHODS);
		ResourceDescriptor resource = this.handler.resource(collection, method, RELATED_METHODS);
		write(this.handler.getRelated(resource, id, relation, request), response);
	}

	/**
	 * {@code /{collection}/{id}/{relation}/{relatedId}}: GET reads one member of a to-many
	 * relationship.
	 * @param collection the collection name
	 * @param id the resource id
	 * @param relation the relationship name
	 * @param relatedId the id of the member
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/{collection}/{id}/{relation}/{relatedId}")
	public void relatedResource(@PathVariable String collection, @PathVariable String id,
			@PathVariable String relation, @PathVariable String relatedId, HttpServletRequest request,
			HttpServletResponse response) {
		checkRequest(request);
		ResourceMethod method = method(request, collection, RELATED_METHODS);
		ResourceDescriptor resource = this.handler.resource(collection, method, RELATED_METHODS);
		write(this.handler.getRelatedResource(resource, id, relation, relatedId, request), response);
	}

	/**
	 * {@code /{collection}/{id}/relationships/{relation}}: GET reads the linkage; POST adds to,
	 * PATCH replaces and DELETE removes from the relationship (all three need PATCH enabled for the
	 * resource).
	 * @param collection the collection name
	 * @param id the resource id
	 * @param relation the relationship name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/{collection}/{id}/relationships/{relation}")
	public void relationship(@PathVariable String collection, @PathVariable String id,
			@PathVariable String relation, HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		ResourceDescriptor resource = this.handler.relationshipEndpoint(collection, request.getMethod());
		Operation operation = switch (request.getMethod()) {
			case "POST" -> Operation.POST_RELATIONSHIP;
			case "PATCH" -> Operation.PATCH_RELATIONSHIP;
			case "DELETE" -> Operation.DELETE_RELATIONSHIP;
			default -> Operation.GET_RELATIONSHIP;
		};
		if (operation == Operation.GET_RELATIONSHIP) {
			write(this.handler.getRelationship(resource, id, relation, request), response);
			return;
		}
		RelationshipDescriptor relationship = this.handler.writableRelationship(resource, relation, operation);
		this.negotiation.checkContentType(request.getContentType());
		write(this.handler.changeRelationship(resource, id, relationship, operation, body(request), request), response);
	}

	/**
	 * {@code /eval/{collection}}: GET computes functions over the filtered resources, for
	 * resources that allow it (otherwise {@code 404}).
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/eval/{collection}")
	public void eval(@PathVariable String collection, HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		ResourceDescriptor resource = this.handler.resource(collection, ResourceMethod.GET, EVAL_METHODS);
		if (!resource.allowFunctions()) {
			throw JsonApiException.notFound("'" + collection + "' does not allow function evaluation");
		}
		method(request, collection, EVAL_METHODS);
		write(this.handler.evaluate(resource, request), response);
	}

	/**
	 * Anything else under the base path: {@code 404}.
	 * @param request the request
	 */
	@RequestMapping("/**")
	public void unknown(HttpServletRequest request) {
		checkQueryString(request);
		throw JsonApiException.notFound("Nothing is served at " + request.getRequestURI());
	}

	/**
	 * {@code OPTIONS /{collection}}: the methods the collection serves, in {@code Allow}.
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = "/{collection}", method = RequestMethod.OPTIONS)
	public void collectionOptions(@PathVariable String collection, HttpServletRequest request,
			HttpServletResponse response) {
		checkQueryString(request);
		options(this.handler.collection(collection), COLLECTION_METHODS, response);
	}

	/**
	 * {@code OPTIONS /{collection}/{id}}: the methods a resource serves, in {@code Allow}.
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = "/{collection}/{id}", method = RequestMethod.OPTIONS)
	public void resourceOptions(@PathVariable String collection, HttpServletRequest request,
			HttpServletResponse response) {
		checkQueryString(request);
		options(this.handler.collection(collection), RESOURCE_METHODS, response);
	}

	/**
	 * {@code OPTIONS} on the related resources of a relationship: the methods they serve, in
	 * {@code Allow}.
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = { "/{collection}/{id}/{relation}", "/{collection}/{id}/{relation}/{relatedId}" },
			method = RequestMethod.OPTIONS)
	public void relatedOptions(@PathVariable String collection, HttpServletRequest request,
			HttpServletResponse response) {
		checkQueryString(request);
		options(this.handler.collection(collection), RELATED_METHODS, response);
	}

	/**
	 * {@code OPTIONS} on a relationship endpoint: the methods it serves, in {@code Allow} (reading
	 * needs GET enabled for the resource, changing needs PATCH).
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = "/{collection}/{id}/relationships/{relation}", method = RequestMethod.OPTIONS)
	public void relationshipOptions(@PathVariable String collection, HttpServletRequest request,
			HttpServletResponse response) {
		checkQueryString(request);
		ResourceDescriptor resource = this.handler.collection(collection);
		List<String> served = new ArrayList<>();
		if (resource.allows(ResourceMethod.GET)) {
			served.add("GET");
		}
		if (resource.allows(ResourceMethod.PATCH)) {
			served.addAll(List.of("POST", "PATCH", "DELETE"));
		}
		options(served, response);
	}

	/**
	 * {@code OPTIONS /eval/{collection}}: {@code GET} where the resource allows function evaluation,
	 * otherwise {@code 404} like the endpoint itself.
	 * @param collection the collection name
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = "/eval/{collection}", method = RequestMethod.OPTIONS)
	public void evalOptions(@PathVariable String collection, HttpServletRequest request, HttpServletResponse response) {
		checkQueryString(request);
		ResourceDescriptor resource = this.handler.collection(collection);
		if (!resource.allowFunctions()) {
			throw JsonApiException.notFound("'" + collection + "' does not allow function evaluation");
		}
		options(resource, EVAL_METHODS, response);
	}

	/**
	 * {@code OPTIONS} anywhere else under the base path: {@code 404}.
	 * @param request the request
	 */
	@RequestMapping(path = "/**", method = RequestMethod.OPTIONS)
	public void unknownOptions(HttpServletRequest request) {
		checkQueryString(request);
		unknown(request);
	}

	private void options(ResourceDescriptor resource, Set<ResourceMethod> endpointMethods,
			HttpServletResponse response) {
		List<String> served = new ArrayList<>();
		for (ResourceMethod method : endpointMethods) {
			if (resource.allows(method)) {
				served.add(method.name());
			}
		}
		options(served, response);
	}

	/**
	 * A {@code 204} whose {@code Allow} lists the methods served, with {@code HEAD} wherever
	 * {@code GET} is and {@code OPTIONS} always.
	 */
	private void options(List<String> served, HttpServletResponse response) {
		List<String> allow = new ArrayList<>();
		for (String method : served) {
			allow.add(method);
			if (method.equals("GET")) {
				allow.add("HEAD");
			}
		}
		allow.add("OPTIONS");
		write(new JsonApiResponse(204, null, Map.of(HttpHeaders.ALLOW, String.join(", ", allow))), response);
	}

	/**
	 * The method of a request as a resource method; other HTTP methods get {@code 405}.
	 * @param request the request
	 * @param collection the collection name
	 * @param endpointMethods the methods the endpoint serves
	 * @return the method
	 */
	ResourceMethod method(HttpServletRequest request, String collection, Set<ResourceMethod> endpointMethods) {
		String name = request.getMethod();
		if (name.equals("HEAD")) {
			name = "GET";
		}
		for (ResourceMethod method : endpointMethods) {
			if (method.name().equals(name)) {
				return method;
			}
		}
		ResourceDescriptor resource = this.handler.resource(collection, ResourceMethod.GET, EnumSet.noneOf(ResourceMethod.class));
		throw JsonApiRequestHandler.methodNotAllowed(resource, request.getMethod(), endpointMethods);
	}

	/**
	 * The body of a request, read only once its {@code Content-Type} is checked: Spring's own body
	 * reading would refuse an unparsable {@code Content-Type} with an exception of its own, even on
	 * a GET that has no use for the header.
	 * @param request the request
	 * @return the body, empty when there is none
	 */
	byte[] body(HttpServletRequest request) {
		return this.bodies.read(request);
	}

	/**
	 * Write a response with the JSON:API media type, unless it names its own (with the profiles or
	 * extensions it applied).
	 * @param result the response
	 * @param response the servlet response
	 */
	void write(JsonApiResponse result, HttpServletResponse response) {
		this.responses.write(result, ContentNegotiation.JSON_API, response);
	}

	/**
	 * A JSON:API error response.
	 * @param ex the error
	 * @param response the servlet response
	 */
	@ExceptionHandler(JsonApiException.class)
	public void handleJsonApiException(JsonApiException ex, HttpServletResponse response) {
		write(new JsonApiResponse(ex.status(), errorDocument(ex.errors()), ex.headers()), response);
	}

	/**
	 * The error a processor raised.
	 * @param ex the error
	 * @param response the servlet response
	 */
	@ExceptionHandler(ProcessingException.class)
	public void handleProcessingException(ProcessingException ex, HttpServletResponse response) {
		ErrorObject error = ErrorObject.of(ex.status(), ex.title(), ex.detail());
		write(new JsonApiResponse(ex.status(), errorDocument(List.of(error)), Map.of()), response);
	}

	/**
	 * The client closed the connection before the response was written: there is nobody left to
	 * answer, and nothing failed on the server, so nothing is written or logged.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	public void handleClientGone() {
	}

	/**
	 * Anything unexpected: a generic {@code 500} and one log line, never a stack trace or SQL in the
	 * response.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(Exception.class)
	public void handleUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		// One line at error level; the stack trace only when debugging is switched on.
		logger.error("Unexpected failure handling " + request.getMethod() + " " + request.getRequestURI() + ": " + ex);
		if (logger.isDebugEnabled()) {
			logger.debug("Stack trace of the unexpected failure", ex);
		}
		ErrorObject error = ErrorObject.of(500, "Internal server error",
				"The request could not be completed because of an unexpected error");
		write(new JsonApiResponse(500, errorDocument(List.of(error)), Map.of()), response);
	}

	ObjectNode errorDocument(List<ErrorObject> errors) {
		return ErrorDocuments.of(this.mapper, errors);
	}

}
