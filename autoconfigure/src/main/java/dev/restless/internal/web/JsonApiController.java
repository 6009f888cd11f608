package dev.restless.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.service.JsonApiResponse;
import dev.restless.internal.service.JsonApiService;
import dev.restless.internal.service.OperationRules;
import dev.restless.internal.service.Target;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP face of Restless: maps every endpoint under {@code restless.base-path} to the service
 * layer, applies JSON:API content negotiation and writes every response as a JSON:API document
 * (errors go through {@link JsonApiExceptionHandler}). Each endpoint asks the service's rules what
 * the request may do before anything else reaches the service.
 */
@RestController
@RequestMapping("${restless.base-path:/api}")
public class JsonApiController {

	private static final Set<String> INDEX_METHODS = Set.of("GET", "HEAD");

	private final JsonApiService service;

	private final OperationRules rules;

	private final ContentNegotiation negotiation;

	private final RequestBodyReader bodies;

	private final RequestContexts contexts;

	private final ResponseWriter responses;

	/**
	 * Create the controller.
	 * @param service the service layer
	 * @param negotiation the content negotiation rules
	 * @param mapper writes documents
	 * @param bodies reads request documents, up to the configured size
	 * @param basePath the base path of the API
	 */
	public JsonApiController(JsonApiService service, ContentNegotiation negotiation, ObjectMapper mapper,
			RequestBodyReader bodies, String basePath) {
		this.service = service;
		this.rules = service.rules();
		this.negotiation = negotiation;
		this.bodies = bodies;
		this.contexts = new RequestContexts(basePath);
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
	 * The base path itself: GET reads the index of the resources.
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping({ "", "/" })
	public void index(HttpServletRequest request, HttpServletResponse response) {
		checkRequest(request);
		if (!INDEX_METHODS.contains(request.getMethod())) {
			throw new JsonApiException(405, List.of(ErrorObject.of(405, "Method not allowed",
					"The index of the API is read with GET")), Map.of(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS"));
		}
		write(this.service.index().read(this.contexts.of(request)), response);
	}

	/**
	 * {@code OPTIONS} of the base path: the index is read only.
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping(path = { "", "/" }, method = RequestMethod.OPTIONS)
	public void indexOptions(HttpServletRequest request, HttpServletResponse response) {
		checkQueryString(request);
		options(List.of("GET"), response);
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
		ResourceMethod method = method(request, collection, OperationRules.COLLECTION_METHODS);
		Operation operation = (method == ResourceMethod.GET) ? Operation.GET_COLLECTION : Operation.POST_RESOURCE;
		Target target = this.rules.resource(collection, operation, OperationRules.COLLECTION_METHODS);
		if (method == ResourceMethod.GET) {
			write(this.service.reads().getCollection(target, this.contexts.of(request)), response);
			return;
		}
		this.negotiation.checkContentType(request.getContentType());
		byte[] body = body(request);
		write(IdempotentRequests.execute(this.service, request, body,
				() -> this.service.writes().create(target, body, this.contexts.of(request))), response);
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
		ResourceMethod method = method(request, collection, OperationRules.RESOURCE_METHODS);
		Operation operation = switch (method) {
			case GET -> Operation.GET_RESOURCE;
			case PATCH -> Operation.PATCH_RESOURCE;
			default -> Operation.DELETE_RESOURCE;
		};
		Target target = this.rules.resource(collection, operation, OperationRules.RESOURCE_METHODS);
		JsonApiResponse result = switch (method) {
			case GET -> this.service.reads().getResource(target, id, this.contexts.of(request));
			case PATCH -> {
				this.negotiation.checkContentType(request.getContentType());
				byte[] body = body(request);
				yield IdempotentRequests.execute(this.service, request, body,
						() -> this.service.writes().update(target, id, body, this.contexts.of(request)));
			}
			default -> IdempotentRequests.execute(this.service, request, new byte[0],
					() -> this.service.writes().delete(target, id, this.contexts.of(request)));
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
		method(request, collection, OperationRules.READ_METHODS);
		Target target = this.rules.resource(collection, Operation.GET_RELATED, OperationRules.READ_METHODS);
		write(this.service.reads().getRelated(target, id, relation, this.contexts.of(request)), response);
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
		method(request, collection, OperationRules.READ_METHODS);
		Target target = this.rules.resource(collection, Operation.GET_RELATED_RESOURCE, OperationRules.READ_METHODS);
		write(this.service.reads().getRelatedResource(target, id, relation, relatedId, this.contexts.of(request)),
				response);
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
		Operation operation = switch (request.getMethod()) {
			case "GET", "HEAD" -> Operation.GET_RELATIONSHIP;
			case "POST" -> Operation.POST_RELATIONSHIP;
			case "PATCH" -> Operation.PATCH_RELATIONSHIP;
			case "DELETE" -> Operation.DELETE_RELATIONSHIP;
			default -> null;
		};
		Target endpoint = this.rules.relationshipEndpoint(collection, operation, request.getMethod());
		if (operation == Operation.GET_RELATIONSHIP) {
			write(this.service.reads().getRelationship(endpoint, id, relation, this.contexts.of(request)), response);
			return;
		}
		Target target = this.rules.writableRelationship(endpoint, relation);
		this.negotiation.checkContentType(request.getContentType());
		byte[] body = body(request);
		write(IdempotentRequests.execute(this.service, request, body,
				() -> this.service.writes().changeRelationship(target, id, body, this.contexts.of(request))), response);
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
		Target target = this.rules.resource(collection, Operation.EVAL, OperationRules.READ_METHODS);
		method(request, collection, OperationRules.READ_METHODS);
		write(this.service.reads().evaluate(target, this.contexts.of(request)), response);
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
		options(OperationRules.enabledMethods(this.rules.collection(collection), OperationRules.COLLECTION_METHODS),
				response);
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
		options(OperationRules.enabledMethods(this.rules.collection(collection), OperationRules.RESOURCE_METHODS),
				response);
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
		options(OperationRules.enabledMethods(this.rules.collection(collection), OperationRules.READ_METHODS),
				response);
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
		options(OperationRules.relationshipMethods(this.rules.collection(collection)), response);
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
		options(OperationRules.enabledMethods(this.rules.evaluable(collection), OperationRules.READ_METHODS),
				response);
	}

	/**
	 * {@code OPTIONS} anywhere else under the base path: {@code 404}.
	 * @param request the request
	 */
	@RequestMapping(path = "/**", method = RequestMethod.OPTIONS)
	public void unknownOptions(HttpServletRequest request) {
		unknown(request);
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
	 * The method of a request as a resource method; other HTTP methods get {@code 405} (or
	 * {@code 404} for an unknown collection).
	 * @param request the request
	 * @param collection the collection name
	 * @param endpointMethods the methods the endpoint serves
	 * @return the method
	 */
	private ResourceMethod method(HttpServletRequest request, String collection, Set<ResourceMethod> endpointMethods) {
		String name = request.getMethod();
		if (name.equals("HEAD")) {
			name = "GET";
		}
		for (ResourceMethod method : endpointMethods) {
			if (method.name().equals(name)) {
				return method;
			}
		}
		throw OperationRules.methodNotAllowed(this.rules.collection(collection), request.getMethod(),
				endpointMethods);
	}

	/**
	 * The body of a request, read only once its {@code Content-Type} is checked: Spring's own body
	 * reading would refuse an unparsable {@code Content-Type} with an exception of its own, even on
	 * a GET that has no use for the header.
	 */
	private byte[] body(HttpServletRequest request) {
		return this.bodies.read(request);
	}

	/**
	 * Write a response with the JSON:API media type, unless it names its own (with the profiles or
	 * extensions it applied).
	 */
	private void write(JsonApiResponse result, HttpServletResponse response) {
		this.responses.write(result, ContentNegotiation.JSON_API, response);
	}

}
