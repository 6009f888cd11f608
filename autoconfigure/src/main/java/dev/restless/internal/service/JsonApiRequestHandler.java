package dev.restless.internal.service;

import dev.restless.internal.web.RequestUrls;
import dev.restless.internal.web.ContentNegotiation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.precondition.EntityTag;
import dev.restless.internal.precondition.Precondition;
import dev.restless.internal.precondition.ResourceVersions;
import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.document.DocumentRenderer.RenderOptions;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.EntityWriter;
import dev.restless.internal.persistence.PersistenceErrors;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.persistence.ResourceQueries.CursorPage;
import dev.restless.internal.persistence.ResourceQueries.PageResult;
import dev.restless.internal.persistence.ResourceRepositories;
import dev.restless.processing.PostprocessContext;
import dev.restless.processing.PreprocessContext;
import dev.restless.internal.service.ProcessorChain;
import dev.restless.internal.query.FunctionCall;
import dev.restless.internal.query.FunctionParser;
import dev.restless.internal.query.CursorCodec;
import dev.restless.internal.query.CursorPagination;
import dev.restless.query.PageParameters;
import dev.restless.query.QueryParameters;
import dev.restless.query.SortField;
import dev.restless.internal.query.QueryParser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.hibernate.Hibernate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.BeanUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles the JSON:API operations on resources: parses the query and the request document, runs
 * the processors, reads and writes through JPA in one transaction per request (read-only for
 * reads), and renders the response document. Resources with a JPA {@code @Version} carry an
 * {@code ETag}, and writes can be made conditional on it. The write steps can also run inside a
 * transaction the caller opened (atomic operations run several in one).
 */
public class JsonApiRequestHandler {

	private final ResourceRegistry registry;

	private final QueryParser queryParser;

	private final ResourceQueries queries;

	private final ResourceRepositories repositories;

	private final EntityWriter writer;

	private final DocumentRenderer renderer;

	private final ProcessorChain processors;

	private final ObjectMapper mapper;

	private final Validator validator;

	private final EntityManager entityManager;

	private final TransactionTemplate readTransaction;

	private final TransactionTemplate writeTransaction;

	private final String basePath;

	private final CursorCodec cursors;

	private final ResourceVersions versions;

	/**
	 * Create a handler.
	 * @param components the collaborators
	 * @param transactionManager the transaction manager of the entities
	 * @param basePath the base path of the API
	 */
	public JsonApiRequestHandler(Components components, PlatformTransactionManager transactionManager,
			String basePath) {
		this.registry = components.registry();
		this.queryParser = components.queryParser();
		this.queries = components.queries();
		this.repositories = components.repositories();
		this.writer = components.writer();
		this.renderer = components.renderer();
		this.processors = components.processors();
		this.mapper = components.mapper();
		this.validator = components.validator();
		this.entityManager = components.entityManager();
		this.readTransaction = new TransactionTemplate(transactionManager);
		this.readTransaction.setReadOnly(true);
		this.writeTransaction = new TransactionTemplate(transactionManager);
		this.basePath = basePath;
		this.cursors = new CursorCodec(this.mapper);
		this.versions = new ResourceVersions(components.mapper());
	}

	/**
	 * What the handler works with.
	 *
	 * @param registry the exposed resources
	 * @param queryParser parses query parameters
	 * @param queries read queries
	 * @param repositories the repositories of the resources
	 * @param writer applies request documents to entities
	 * @param renderer renders documents
	 * @param processors the pre- and postprocessors
	 * @param mapper the JSON mapper
	 * @param validator the Bean Validation validator, or {@code null}
	 * @param entityManager a shared entity manager
	 */
	public record Components(ResourceRegistry registry, QueryParser queryParser, ResourceQueries queries,
			ResourceRepositories repositories, EntityWriter writer, DocumentRenderer renderer,
			ProcessorChain processors, ObjectMapper mapper, Validator validator, EntityManager entityManager) {
	}

	/**
	 * The resource of a collection name, if the method is enabled for it.
	 * @param collection the collection name from the URL
	 * @param method the method the request needs
	 * @param allowed the methods the endpoint serves, for the {@code Allow} header
	 * @return the resource
	 */
	public ResourceDescriptor resource(String collection, ResourceMethod method, Set<ResourceMethod> allowed) {
		ResourceDescriptor resource = collection(collection);
		if (!resource.allows(method)) {
			throw methodNotAllowed(resource, method, allowed);
		}
		return resource;
	}

	/**
	 * The resource of a collection name, whatever methods it enables.
	 * @param collection the collection name from the URL
	 * @return the resource
	 * @throws JsonApiException 404 when no resource has that collection name
	 */
	public ResourceDescriptor collection(String collection) {
		return this.registry.find(collection)
			.orElseThrow(() -> JsonApiException.notFound("There is no collection named '" + collection + "'"));
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
		List<String> allow = new ArrayList<>();
		for (ResourceMethod candidate : endpointMethods) {
			if (resource.allows(candidate)) {
				allow.add(candidate.name());
			}
		}
		return new JsonApiException(405,
				List.of(ErrorObject.of(405, "Method not allowed",
						"Method " + method + " is not allowed on this endpoint of '" + resource.type() + "'")),
				Map.of("Allow", String.join(", ", allow)));
	}

	// ---- reads

	/**
	 * {@code GET /{collection}}.
	 * @param resource the resource
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getCollection(ResourceDescriptor resource, HttpServletRequest request) {
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(resource, request.getParameterMap(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_COLLECTION, resource.type(), null, null, parsed,
				null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		boolean profileAsked = request.getParameter("page[number]") == null
				&& ContentNegotiation.asksForProfile(request.getHeader("Accept"), CursorPagination.PROFILE);
		if (!query.singleResult() && (query.page().cursor() || profileAsked)) {
			return cursorPage(resource, query.withPage(query.page().asCursorPage()), urls);
		}
		return read(() -> {
			if (query.singleResult()) {
				List<Object> matches = this.queries.findMatching(resource, query, 2);
				if (matches.size() != 1) {
					throw JsonApiException.notFound((matches.isEmpty() ? "No" : "More than one") + " '" + resource.type()
							+ "' matches the filter; filter[single] asks for exactly one");
				}
				ObjectNode document = this.renderer.resourceDocument(resource, matches.get(0),
						options(resource, query, urls));
				document.putObject("links").put("self", urls.self());
				return postprocess(Operation.GET_COLLECTION, resource, null, null, matches, document);
			}
			PageResult page = this.queries.findPage(resource, query);
			ObjectNode document = this.renderer.collectionDocument(resource, page.rows(),
					options(resource, query, urls));
			addPagination(document, urls, query, page);
			return postprocess(Operation.GET_COLLECTION, resource, null, null, page.rows(), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}}. A versioned resource carries its {@code ETag}; an
	 * {@code If-None-Match} that matches it gives {@code 304 Not Modified} without a body.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getResource(ResourceDescriptor resource, String id, HttpServletRequest request) {
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(resource, request.getParameterMap(), Set.of());
		EntityTag.Condition ifNoneMatch = condition(request, HttpHeaders.IF_NONE_MATCH);
		PreprocessContext pre = new PreprocessContext(Operation.GET_RESOURCE, resource.type(), null, id, parsed, null);
		this.processors.preprocess(pre);
		JsonApiResponse response = read(() -> {
			Object entity = findWithLinkage(resource, pre.id(), pre.query());
			ObjectNode document = this.renderer.resourceDocument(resource, entity, options(resource, pre.query(), urls));
			document.putObject("links").put("self", urls.self());
			return withEntityTag(resource, entity,
					postprocess(Operation.GET_RESOURCE, resource, null, pre.id(), List.of(entity), document));
		});
		return notModifiedIfMatching(response, ifNoneMatch);
	}

	/**
	 * {@code GET /eval/{collection}}: the functions of the {@code functions} parameter, computed
	 * over the filtered resources in one statement.
	 * @param resource the resource, which must allow functions
	 * @param request the request
	 * @return the response, whose {@code data} holds the results in the order asked
	 */
	public JsonApiResponse evaluate(ResourceDescriptor resource, HttpServletRequest request) {
		if (!resource.allowFunctions()) {
			throw JsonApiException.notFound("'" + resource.type() + "' does not allow function evaluation");
		}
		QueryParameters parsed = this.queryParser.parse(resource, request.getParameterMap(),
				Set.of(FunctionParser.PARAMETER));
		String[] values = request.getParameterValues(FunctionParser.PARAMETER);
		List<FunctionCall> functions = new FunctionParser(this.registry).parse(resource,
				(values != null && values.length > 0) ? values[0] : null);
		PreprocessContext pre = new PreprocessContext(Operation.EVAL, resource.type(), null, null, parsed, null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		return read(() -> {
			ObjectNode document = this.renderer.newDocument();
			ArrayNode data = document.putArray("data");
			for (Object result : this.queries.evaluate(resource, query, functions)) {
				data.add(this.renderer.attributeValue(result));
			}
			return postprocess(Operation.EVAL, resource, null, null, List.of(), document);
		});
	}

	// ---- writes

	/**
	 * {@code POST /{collection}}.
	 * @param resource the resource
	 * @param body the request body
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse create(ResourceDescriptor resource, byte[] body, HttpServletRequest request) {
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(resource, request.getParameterMap(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.POST_RESOURCE, resource.type(), null, null, parsed,
				parseBody(body));
		this.processors.preprocess(pre);
		ObjectNode data = EntityWriter.resourceObject(pre.document(), "");
		EntityWriter.checkType(resource, data, "/data");
		return write(false, () -> {
			Object entity = createEntity(resource, data);
			this.entityManager.flush();
			String id = resource.idOf(entity);
			ObjectNode document = this.renderer.resourceDocument(resource, entity, options(resource, pre.query(), urls));
			String location = urls.api().resource(resource.type(), id);
			document.putObject("links").put("self", location);
			JsonApiResponse response = postprocess(Operation.POST_RESOURCE, resource, null, id, List.of(entity),
					document);
			return withEntityTag(resource, entity,
					new JsonApiResponse(201, response.document(), Map.of("Location", location)));
		});
	}

	/**
	 * The write step of a creation, inside the caller's transaction: a new entity from a resource
	 * object (client-generated id, attributes, relationships), validated and persisted. It is not
	 * flushed, so that a caller creating many resources gets batched inserts.
	 * @param resource the resource
	 * @param data the resource object, whose type is checked; error pointers start with
	 * {@code /data}
	 * @return the persisted entity
	 */
	public Object createEntity(ResourceDescriptor resource, ObjectNode data) {
		Object entity = BeanUtils.instantiateClass(resource.entityClass());
		boolean clientId = applyClientId(resource, entity, data);
		this.writer.apply(resource, entity, data, true, "/data");
		validate(resource, entity);
		if (clientId) {
			this.entityManager.persist(entity);
			return entity;
		}
		if (resource.id().entityId() && !resource.id().generated() && resource.keyOf(entity) == null) {
			throw new JsonApiException(ErrorObject.atPointer(403, "Client-generated id required",
					"'" + resource.type()
							+ "' resources are identified by their clients: give the new resource an 'id'",
					"/data"));
		}
		return this.repositories.of(resource).save(entity);
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
		resource.id().accessor().set(entity, key);
		return true;
	}

	/**
	 * {@code PATCH /{collection}/{id}}. An {@code If-Match} header, or a version in the resource
	 * object's {@code meta}, makes the update conditional.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param body the request body
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse update(ResourceDescriptor resource, String id, byte[] body, HttpServletRequest request) {
		Precondition precondition = precondition(resource, request);
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(resource, request.getParameterMap(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.PATCH_RESOURCE, resource.type(), null, id, parsed,
				parseBody(body));
		this.processors.preprocess(pre);
		ObjectNode data = EntityWriter.resourceObject(pre.document(), "");
		EntityWriter.checkType(resource, data, "/data");
		JsonNode documentId = data.get("id");
		if (documentId == null || documentId.isNull()) {
			throw JsonApiException.badDocument("/data", "The resource object has no 'id' member");
		}
		if (!documentId.isString() || !documentId.asString().equals(pre.id())) {
			throw JsonApiException.conflict("/data/id", "The id in the document does not match the URL");
		}
		Precondition expected = precondition.withVersion(Precondition.versionIn(data), "/data/meta/version");
		return write(false, expected.isPresent(), () -> {
			// Loaded with the linkage the response renders, as a GET would: one statement fewer
			// (unless that relationship is validated).
			Object entity = applyUpdate(resource, findWithLinkage(resource, pre.id(), pre.query(), true), data,
					expected);
			this.entityManager.flush();
			ObjectNode document = this.renderer.resourceDocument(resource, entity, options(resource, pre.query(), urls));
			document.putObject("links").put("self", urls.api().resource(resource.type(), resource.idOf(entity)));
			return withEntityTag(resource, entity,
					postprocess(Operation.PATCH_RESOURCE, resource, null, pre.id(), List.of(entity), document));
		});
	}

	/**
	 * The write step of an update, inside the caller's transaction: load the entity, check the
	 * precondition against the version just loaded, apply the resource object and validate. It is
	 * not flushed.
	 * @param resource the resource
	 * @param id the resource id
	 * @param data the resource object, whose type and id are checked; error pointers start with
	 * {@code /data}
	 * @param precondition what the update expects of the current version
	 * @return the changed entity
	 */
	public Object updateEntity(ResourceDescriptor resource, String id, ObjectNode data, Precondition precondition) {
		return applyUpdate(resource, find(resource, id), data, precondition);
	}

	private Object applyUpdate(ResourceDescriptor resource, Object entity, ObjectNode data, Precondition precondition) {
		this.versions.check(resource, entity, precondition);
		this.writer.apply(resource, entity, data, false, "/data");
		if (data.get("relationships") instanceof ObjectNode relationships) {
			for (String name : relationships.propertyNames()) {
				RelationshipDescriptor relationship = resource.relationships().get(name);
				if (relationship != null && relationship.ownedByInverse()) {
					// one new version for the whole update, however many such relationships it writes
					newVersion(resource, entity, relationship);
					break;
				}
			}
		}
		validate(resource, entity);
		return entity;
	}

	/**
	 * {@code DELETE /{collection}/{id}}. An {@code If-Match} header makes the deletion
	 * conditional.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse delete(ResourceDescriptor resource, String id, HttpServletRequest request) {
		Precondition precondition = precondition(resource, request);
		PreprocessContext pre = new PreprocessContext(Operation.DELETE_RESOURCE, resource.type(), null, id, null, null);
		this.processors.preprocess(pre);
		return write(true, precondition.isPresent(), () -> {
			Object entity = deleteEntity(resource, pre.id(), precondition);
			this.entityManager.flush();
			PostprocessContext post = new PostprocessContext(Operation.DELETE_RESOURCE, resource.type(), null,
					pre.id(), List.of(entity), null);
			this.processors.postprocess(post);
			return (post.document() != null) ? JsonApiResponse.ok(post.document()) : JsonApiResponse.noContent();
		});
	}

	// ---- related resources and relationships

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
			.orElseThrow(() -> JsonApiException
				.notFound("'" + resource.type() + "' has no relationship named '" + relation + "'"));
	}

	/**
	 * The resource of a relationship endpoint, if the method is served: reading linkage needs GET
	 * enabled for the resource, changing it ({@code POST}, {@code PATCH}, {@code DELETE}) needs
	 * PATCH enabled.
	 * @param collection the collection name from the URL
	 * @param httpMethod the HTTP method of the request
	 * @return the resource
	 * @throws JsonApiException 404 for an unknown collection, 405 with {@code Allow} otherwise
	 */
	public ResourceDescriptor relationshipEndpoint(String collection, String httpMethod) {
		ResourceDescriptor resource = collection(collection);
		ResourceMethod needed = switch (httpMethod) {
			case "GET", "HEAD" -> ResourceMethod.GET;
			case "POST", "PATCH", "DELETE" -> ResourceMethod.PATCH;
			default -> null;
		};
		if (needed == null || !resource.allows(needed)) {
			List<String> allow = new ArrayList<>();
			if (resource.allows(ResourceMethod.GET)) {
				allow.add("GET");
			}
			if (resource.allows(ResourceMethod.PATCH)) {
				allow.addAll(List.of("POST", "PATCH", "DELETE"));
			}
			throw new JsonApiException(405, List.of(ErrorObject.of(405, "Method not allowed", "Method " + httpMethod
					+ " is not allowed on the relationship endpoints of '" + resource.type() + "'")),
					Map.of("Allow", String.join(", ", allow)));
		}
		return resource;
	}

	/**
	 * The relationship a relationship write addresses, if that write is allowed on it. Checked
	 * before the request body is read: a forbidden write is {@code 403} whatever the body.
	 * @param resource the resource
	 * @param relation the relationship name from the URL
	 * @param operation {@link Operation#POST_RELATIONSHIP}, {@link Operation#PATCH_RELATIONSHIP} or
	 * {@link Operation#DELETE_RELATIONSHIP}
	 * @return the relationship
	 */
	public RelationshipDescriptor writableRelationship(ResourceDescriptor resource, String relation,
			Operation operation) {
		RelationshipDescriptor relationship = relationship(resource, relation);
		String name = "'" + relationship.name() + "' of '" + resource.type() + "'";
		switch (operation) {
			case POST_RELATIONSHIP, DELETE_RELATIONSHIP -> {
				if (!relationship.toMany()) {
					throw JsonApiException.forbidden(name + " is a to-one relationship: members can only be "
							+ ((operation == Operation.POST_RELATIONSHIP) ? "added to" : "removed from")
							+ " to-many relationships; PATCH it instead");
				}
				if (operation == Operation.DELETE_RELATIONSHIP && !resource.allowDeleteFromToManyRelationships()) {
					throw JsonApiException.forbidden("Removing members from the to-many relationship " + name
							+ " is not allowed");
				}
			}
			case PATCH_RELATIONSHIP -> {
				if (relationship.toMany() && !resource.allowToManyReplacement()) {
					throw JsonApiException.forbidden("Replacing the to-many relationship " + name + " is not allowed");
				}
			}
			default -> throw new IllegalArgumentException("Not a relationship write: " + operation);
		}
		return relationship;
	}

	/**
	 * {@code GET /{collection}/{id}/{relation}}: the related resource (or {@code null}) of a to-one
	 * relationship, or a page of the related resources of a to-many relationship, filtered, sorted
	 * and paginated like a top-level collection of the target resource.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getRelated(ResourceDescriptor resource, String id, String relation,
			HttpServletRequest request) {
		RelationshipDescriptor relationship = relationship(resource, relation);
		ResourceDescriptor target = targetOf(relationship);
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(target, request.getParameterMap(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATED, resource.type(), relationship.name(), id,
				parsed, null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		if (query.page().cursor()) {
			throw JsonApiException.badParameter((query.page().after() != null) ? "page[after]" : "page[before]",
					"Cursor pagination is served on top-level collections; page related resources with page[number]");
		}
		return read(() -> {
			Object owner = find(resource, pre.id());
			if (!relationship.toMany()) {
				Object related = relationship.accessor().get(owner);
				related = (related != null) ? Hibernate.unproxy(related) : null;
				ObjectNode document = this.renderer.resourceDocument(target, related, options(target, query, urls));
				document.putObject("links").put("self", urls.self());
				return postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(),
						(related != null) ? List.of(related) : List.of(), document);
			}
			Object ownerKey = resource.keyOf(owner);
			if (query.singleResult()) {
				List<Object> matches = this.queries.findRelatedMatching(resource, ownerKey, relationship, query, 2);
				if (matches.size() != 1) {
					throw JsonApiException.notFound((matches.isEmpty() ? "No" : "More than one") + " '" + target.type()
							+ "' matches the filter; filter[single] asks for exactly one");
				}
				ObjectNode document = this.renderer.resourceDocument(target, matches.get(0),
						options(target, query, urls));
				document.putObject("links").put("self", urls.self());
				return postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(), matches, document);
			}
			PageResult page = this.queries.findRelatedPage(resource, ownerKey, relationship, query);
			ObjectNode document = this.renderer.collectionDocument(target, page.rows(), options(target, query, urls));
			addPagination(document, urls, query, page);
			return postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(), page.rows(), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}/{relation}/{relatedId}}: one member of a to-many relationship.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param relatedId the id of the member from the URL
	 * @param request the request
	 * @return the response
	 * @throws JsonApiException 404 when the relationship is unknown or to-one, the resource does not
	 * exist or the member is not in the relationship
	 */
	public JsonApiResponse getRelatedResource(ResourceDescriptor resource, String id, String relation,
			String relatedId, HttpServletRequest request) {
		RelationshipDescriptor relationship = relationship(resource, relation);
		if (!relationship.toMany()) {
			throw JsonApiException.notFound("'" + relationship.name() + "' of '" + resource.type()
					+ "' is a to-one relationship; its resource is served without an id");
		}
		ResourceDescriptor target = targetOf(relationship);
		RequestUrls urls = new RequestUrls(request, this.basePath);
		QueryParameters parsed = this.queryParser.parse(target, request.getParameterMap(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATED_RESOURCE, resource.type(),
				relationship.name(), id, relatedId, parsed, null);
		this.processors.preprocess(pre);
		return read(() -> {
			Object owner = find(resource, pre.id());
			Object member = target.id()
				.parse(pre.relatedId())
				.flatMap((key) -> this.queries.findRelatedMember(resource, resource.keyOf(owner), relationship, key))
				.orElseThrow(() -> JsonApiException.notFound("No '" + target.type() + "' with id '" + pre.relatedId()
						+ "' in '" + relationship.name() + "' of '" + resource.type() + "' '" + pre.id() + "'"));
			ObjectNode document = this.renderer.resourceDocument(target, member, options(target, pre.query(), urls));
			document.putObject("links").put("self", urls.self());
			return postprocess(Operation.GET_RELATED_RESOURCE, resource, relationship.name(), pre.id(),
					List.of(member), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}/relationships/{relation}}: the complete linkage of a
	 * relationship (one statement for a to-many relationship, none beyond the resource for a
	 * to-one).
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getRelationship(ResourceDescriptor resource, String id, String relation,
			HttpServletRequest request) {
		RelationshipDescriptor relationship = relationship(resource, relation);
		ResourceDescriptor target = targetOf(relationship);
		RequestUrls urls = new RequestUrls(request, this.basePath);
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATIONSHIP, resource.type(),
				relationship.name(), id, relationshipQuery(target, request, relationship.toMany()), null);
		this.processors.preprocess(pre);
		return read(() -> {
			Object owner = find(resource, pre.id());
			ObjectNode document = this.renderer.newDocument();
			if (relationship.toMany()) {
				Object key = resource.keyOf(owner);
				QueryParameters query = pre.query();
				List<Object> members;
				if (query.filters().isEmpty() && query.sort().isEmpty() && !query.singleResult()) {
					members = this.queries.toManyMembers(resource, relationship, List.of(key), false)
						.getOrDefault(key, List.of());
				}
				else {
					members = this.queries.findRelatedMatching(resource, key, relationship, query, Integer.MAX_VALUE)
						.stream()
						.map(target::keyOf)
						.toList();
				}
				ArrayNode data = document.putArray("data");
				for (Object member : members) {
					data.addObject().put("type", target.type()).put("id", target.id().format(member));
				}
			}
			else {
				Object related = relationship.accessor().get(owner);
				if (related != null) {
					document.set("data", this.renderer.identifier(target, related));
				}
				else {
					document.putNull("data");
				}
			}
			String ownerId = resource.idOf(owner);
			ObjectNode links = document.putObject("links");
			links.put("self", urls.api().relationship(resource.type(), ownerId, relationship.name()));
			links.put("related", urls.api().related(resource.type(), ownerId, relationship.name()));
			return postprocess(Operation.GET_RELATIONSHIP, resource, relationship.name(), pre.id(), List.of(owner),
					document);
		});
	}

	/**
	 * {@code POST}, {@code PATCH} or {@code DELETE} on {@code /{collection}/{id}/relationships/{relation}}:
	 * add members to a to-many relationship, replace a relationship, or remove members from a to-many
	 * relationship, keeping both sides of a bidirectional association consistent. An
	 * {@code If-Match} header is checked against the owning resource's entity tag. The change and
	 * the postprocessors share one transaction. Answers {@code 204} unless a postprocessor sets a
	 * document.
	 * @param resource the resource
	 * @param id the id from the URL
	 * @param relationship the relationship, checked with
	 * {@link #writableRelationship(ResourceDescriptor, String, Operation)}
	 * @param operation the relationship write
	 * @param body the request body
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse changeRelationship(ResourceDescriptor resource, String id,
			RelationshipDescriptor relationship, Operation operation, byte[] body, HttpServletRequest request) {
		// A relationship is part of the resource that owns it: If-Match names that resource's
		// ETag, and a resource that refuses blind writes refuses them here too.
		Precondition precondition = precondition(resource, request);
		QueryParameters parsed = relationshipQuery(targetOf(relationship), request, false);
		PreprocessContext pre = new PreprocessContext(operation, resource.type(), relationship.name(), id, parsed,
				parseBody(body));
		this.processors.preprocess(pre);
		JsonNode data = EntityWriter.linkage(pre.document());
		return write(false, precondition.isPresent(), () -> {
			Object owner = changeRelationshipOf(resource, pre.id(), relationship, operation, data, precondition);
			this.entityManager.flush();
			PostprocessContext post = new PostprocessContext(operation, resource.type(), relationship.name(),
					pre.id(), List.of(owner), null);
			this.processors.postprocess(post);
			return (post.document() != null) ? JsonApiResponse.ok(post.document()) : JsonApiResponse.noContent();
		});
	}

	/**
	 * The write step of a relationship change, inside the caller's transaction: load the owning
	 * entity, check the precondition against the version just loaded, add, replace or remove the
	 * members, and validate. It is not flushed.
	 * @param resource the resource owning the relationship
	 * @param id the resource id
	 * @param relationship the relationship
	 * @param operation {@code POST_RELATIONSHIP}, {@code PATCH_RELATIONSHIP} or
	 * {@code DELETE_RELATIONSHIP}
	 * @param linkage the resource linkage of the request; error pointers start with {@code /data}
	 * @param precondition what the change expects of the owner's current version
	 * @return the owning entity
	 */
	public Object changeRelationshipOf(ResourceDescriptor resource, String id, RelationshipDescriptor relationship,
			Operation operation, JsonNode linkage, Precondition precondition) {
		Object owner = find(resource, id);
		this.versions.check(resource, owner, precondition);
		switch (operation) {
			case POST_RELATIONSHIP -> this.writer.applyLinkage(resource, owner, relationship, linkage, "/data", true);
			case DELETE_RELATIONSHIP -> this.writer.removeLinkage(resource, owner, relationship, linkage, "/data");
			default -> this.writer.applyLinkage(resource, owner, relationship, linkage, "/data", false);
		}
		newVersion(resource, owner, relationship);
		validate(resource, owner);
		return owner;
	}

	/**
	 * Give a versioned resource a new version when one of its relationships whose changes reach
	 * the database through the other side ({@code mappedBy}) changed: its own row does not change,
	 * so Hibernate would keep its version, yet its document changed, so its entity tag must, and a
	 * second write made with the old tag must fail. The version moves on at once, so the response
	 * carries the new tag. Relationships the resource owns already change its version.
	 * @param resource the resource owning the relationship
	 * @param owner the entity, managed in the current transaction
	 * @param relationship the relationship written
	 */
	private void newVersion(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship) {
		if (resource.version() != null && relationship.ownedByInverse()) {
			this.entityManager.lock(owner, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		}
	}

	/**
	 * The query of a relationship endpoint. Reading to-many linkage takes filters and a sort (the
	 * linkage of the members that match, in that order); nothing else applies to linkage.
	 */
	private QueryParameters relationshipQuery(ResourceDescriptor target, HttpServletRequest request,
			boolean filterable) {
		for (String name : request.getParameterMap().keySet()) {
			boolean filtering = name.equals("sort") || name.startsWith("filter[");
			if ((filtering && !filterable) || name.equals("include") || name.startsWith("page[")
					|| name.startsWith("fields[")) {
				throw JsonApiException.badParameter(name, "Query parameter '" + name
						+ "' is not supported on this relationship endpoint, which answers with the complete linkage");
			}
		}
		return this.queryParser.parse(target, request.getParameterMap(), Set.of());
	}

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

	/**
	 * The write step of a deletion, inside the caller's transaction: load the entity, check the
	 * precondition against the version just loaded and remove it. It is not flushed.
	 * @param resource the resource
	 * @param id the resource id
	 * @param precondition what the deletion expects of the current version
	 * @return the removed entity
	 */
	public Object deleteEntity(ResourceDescriptor resource, String id, Precondition precondition) {
		Object entity = find(resource, id);
		this.versions.check(resource, entity, precondition);
		this.repositories.of(resource).delete(entity);
		return entity;
	}

	// ---- conditional requests

	/**
	 * The precondition of a PATCH or DELETE request: its {@code If-Match} header.
	 * @param resource the resource the request changes
	 * @param request the request
	 * @return the precondition
	 * @throws JsonApiException {@code 428} when the resource requires {@code If-Match} and the
	 * request has none, {@code 400} when the header is malformed
	 */
	public Precondition precondition(ResourceDescriptor resource, HttpServletRequest request) {
		EntityTag.Condition ifMatch = condition(request, HttpHeaders.IF_MATCH);
		if (ifMatch == null && resource.requireIfMatch()) {
			throw new JsonApiException(ErrorObject.atHeader(428, "Precondition required",
					"Changes to '" + resource.type()
							+ "' must carry an If-Match header with the resource's ETag; read the resource to get it",
					HttpHeaders.IF_MATCH));
		}
		return new Precondition(ifMatch, null, null);
	}

	private static EntityTag.Condition condition(HttpServletRequest request, String header) {
		List<String> values = Collections.list(request.getHeaders(header));
		if (values.isEmpty()) {
			return null;
		}
		try {
			return EntityTag.parseCondition(String.join(",", values));
		}
		catch (IllegalArgumentException ex) {
			throw new JsonApiException(ErrorObject.atHeader(400, "Invalid header",
					header + " must be * or a list of entity tags in double quotes: " + ex.getMessage(), header));
		}
	}

	private JsonApiResponse withEntityTag(ResourceDescriptor resource, Object entity, JsonApiResponse response) {
		EntityTag tag = this.versions.entityTag(resource, entity);
		if (tag == null) {
			return response;
		}
		Map<String, String> headers = new LinkedHashMap<>(response.headers());
		headers.put(HttpHeaders.ETAG, tag.format());
		return new JsonApiResponse(response.status(), response.document(), headers);
	}

	private static JsonApiResponse notModifiedIfMatching(JsonApiResponse response, EntityTag.Condition ifNoneMatch) {
		if (ifNoneMatch == null || response.status() != 200) {
			return response;
		}
		String etag = response.headers().get(HttpHeaders.ETAG);
		EntityTag current = (etag != null) ? EntityTag.parseCondition(etag).tags().get(0) : null;
		if (!ifNoneMatch.matchesWeakly(current)) {
			return response;
		}
		Map<String, String> headers = (etag != null) ? Map.of(HttpHeaders.ETAG, etag) : Map.of();
		return new JsonApiResponse(304, null, headers);
	}

	// ---- shared steps

	/**
	 * Load a resource by the id in a URL.
	 * @param resource the resource
	 * @param id the id text
	 * @return the entity
	 * @throws JsonApiException 404 when the id cannot be parsed or nothing has it
	 */
	public Object find(ResourceDescriptor resource, String id) {
		return find(resource, id, (key) -> this.queries.findByKey(resource, key));
	}

	private static Object find(ResourceDescriptor resource, String id,
			Function<Object, Optional<Object>> load) {
		return resource.id()
			.parse(id)
			.flatMap(load)
			.orElseThrow(() -> JsonApiException.notFound("No '" + resource.type() + "' with id '" + id + "'"));
	}

	/**
	 * Load a resource to render it: its first rendered to-many relationship is fetched with it, so
	 * the resource and that relationship's linkage cost one statement.
	 */
	private Object findWithLinkage(ResourceDescriptor resource, String id, QueryParameters query) {
		return findWithLinkage(resource, id, query, false);
	}

	/**
	 * Load a resource to render it, as {@link #findWithLinkage(ResourceDescriptor, String, QueryParameters)}
	 * does. For an update, which is validated, a relationship that carries Bean Validation
	 * constraints (or cascades validation into its members) is not fetched: validation reaches only
	 * loaded associations, and whether a PATCH is valid must not depend on which fields the
	 * response renders.
	 */
	private Object findWithLinkage(ResourceDescriptor resource, String id, QueryParameters query, boolean forUpdate) {
		Set<String> fieldset = query.fields().get(resource.type());
		String fetched = null;
		if (resource.toManyLinkage()) {
			for (var relationship : resource.relationships().values()) {
				if (relationship.toMany() && (fieldset == null || fieldset.contains(relationship.name()))) {
					fetched = (forUpdate && isValidated(resource, relationship.attributeName())) ? null
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

	private boolean isValidated(ResourceDescriptor resource, String attribute) {
		return this.validator != null
				&& this.validator.getConstraintsForClass(resource.entityClass()).getConstraintsForProperty(attribute) != null;
	}

	/**
	 * Parse a request body as JSON.
	 * @param body the body
	 * @return the document
	 */
	public ObjectNode parseBody(byte[] body) {
		if (body == null || body.length == 0) {
			throw JsonApiException.badDocument(null, "The request has no body; send a JSON:API document");
		}
		JsonNode node;
		try {
			// A member named twice would otherwise silently keep its last value, which another
			// reader of the same document (a proxy, a processor) may not.
			node = this.mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")" : "";
			String problem = (ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate"))
					? ": an object names the same member twice" : "";
			throw JsonApiException.badDocument(null, "The request body is not valid JSON" + problem + where);
		}
		if (node == null || !node.isObject()) {
			throw JsonApiException.badDocument(null, "The request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	/**
	 * Validate an entity with Bean Validation.
	 * @param resource the resource
	 * @param entity the entity
	 * @throws JsonApiException 422 with one error per violation
	 */
	public void validate(ResourceDescriptor resource, Object entity) {
		if (this.validator == null) {
			return;
		}
		Set<ConstraintViolation<Object>> violations = this.validator.validate(entity);
		if (violations.isEmpty()) {
			return;
		}
		throw invalid(resource, violations);
	}

	private static JsonApiException invalid(ResourceDescriptor resource, Set<? extends ConstraintViolation<?>> violations) {
		List<ErrorObject> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : violations) {
			errors.add(ValidationErrors.toError(resource, violation));
		}
		errors.sort(java.util.Comparator.comparing((ErrorObject e) -> (e.source() != null) ? e.source().pointer() : "")
			.thenComparing(ErrorObject::detail));
		return new JsonApiException(422, errors, Map.of());
	}

	/**
	 * Hibernate validates an entity again when it flushes it, and reaches constraints Restless's
	 * own validation may not have (on a lazy collection it loads for them): such a failure is the
	 * client's, a {@code 422} like any other violation, not a {@code 500}.
	 */
	private Optional<JsonApiException> flushValidationFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violations && !violations.getConstraintViolations().isEmpty()) {
				Class<?> root = violations.getConstraintViolations().iterator().next().getRootBeanClass();
				return this.registry.find(root).map((resource) -> invalid(resource, violations.getConstraintViolations()));
			}
		}
		return Optional.empty();
	}

	RenderOptions options(ResourceDescriptor resource, QueryParameters query, RequestUrls urls) {
		return new RenderOptions(urls.api(), QueryParser.effectiveIncludes(resource, query), query.fields());
	}

	/** The pagination links of an offset page, and its {@code meta.total} where it was counted. */
	private void addPagination(ObjectNode document, RequestUrls urls, QueryParameters query, PageResult page) {
		document.set("links", paginationLinks(urls, query, page));
		if (page.total() != null) {
			document.putObject("meta").put("total", page.total());
		}
	}

	private ObjectNode paginationLinks(RequestUrls urls, QueryParameters query, PageResult page) {
		int size = query.page().size();
		int number = query.page().number();
		// Without a count the last page is unknown: 'last' is null and 'next' comes from the extra row.
		Long last = (page.total() != null) ? Math.max(1, (page.total() + size - 1) / size) : null;
		ObjectNode links = this.mapper.createObjectNode();
		links.put("self", urls.self());
		links.put("first", pageUrl(urls, 1, size));
		links.put("last", (last != null) ? pageUrl(urls, last, size) : null);
		if (number > 1) {
			links.put("prev", pageUrl(urls, (last != null) ? Math.min(number - 1, last) : number - 1, size));
		}
		else {
			links.putNull("prev");
		}
		links.put("next", page.hasNext() ? pageUrl(urls, number + 1, size) : null);
		return links;
	}

	/**
	 * A cursor page of a collection (the JSON:API cursor pagination profile): keyset query, item
	 * cursors in each resource's {@code meta.page.cursor}, {@code prev} and {@code next} links made
	 * of cursors, and the total only when {@code page[total]=true}.
	 */
	private JsonApiResponse cursorPage(ResourceDescriptor resource, QueryParameters query, RequestUrls urls) {
		List<SortField> keys = CursorPagination.keys(resource, query.sort());
		PageParameters page = query.page();
		boolean forward = page.before() == null;
		String cursor = forward ? page.after() : page.before();
		List<Object> values = (cursor != null) ? this.cursors.decode(cursor, CursorPagination.types(resource, keys))
			.orElseThrow(() -> CursorPagination.invalidCursor(forward ? "page[after]" : "page[before]")) : null;
		return read(() -> {
			CursorPage result = this.queries.findCursorPage(resource, query, keys, values, forward);
			ObjectNode document = this.renderer.collectionDocument(resource, result.rows(),
					options(resource, query, urls));
			List<String> itemCursors = new ArrayList<>();
			for (int index = 0; index < result.rows().size(); index++) {
				String itemCursor = this.cursors.encode(CursorPagination.values(resource, keys, result.rows().get(index)));
				itemCursors.add(itemCursor);
				ObjectNode item = (ObjectNode) document.get("data").get(index);
				JsonNode meta = item.get("meta");
				ObjectNode itemMeta = (meta instanceof ObjectNode object) ? object : item.putObject("meta");
				itemMeta.putObject("page").put("cursor", itemCursor);
			}
			String first = itemCursors.isEmpty() ? null : itemCursors.get(0);
			String last = itemCursors.isEmpty() ? null : itemCursors.get(itemCursors.size() - 1);
			boolean hasPrev = forward ? cursor != null && first != null : result.more();
			boolean hasNext = forward ? result.more() : last != null;
			ObjectNode links = document.putObject("links");
			links.put("self", urls.self());
			links.put("prev", hasPrev ? cursorUrl(urls, "page[before]", first, page.size()) : null);
			links.put("next", hasNext ? cursorUrl(urls, "page[after]", last, page.size()) : null);
			if (ResourceQueries.countsTotal(resource, query)) {
				long total = this.queries.count(resource, query);
				ObjectNode meta = document.putObject("meta");
				meta.put("total", total);
				meta.putObject("page").put("total", total);
			}
			JsonApiResponse response = postprocess(Operation.GET_COLLECTION, resource, null, null, result.rows(),
					document);
			return new JsonApiResponse(response.status(), response.document(),
					Map.of("Content-Type", ContentNegotiation.JSON_API + "; profile=\"" + CursorPagination.PROFILE + "\""));
		});
	}

	private static String cursorUrl(RequestUrls urls, String parameter, String cursor, int size) {
		Map<String, String> page = new LinkedHashMap<>();
		page.put("page[number]", null);
		page.put("page[after]", null);
		page.put("page[before]", null);
		page.put(parameter, cursor);
		page.put("page[size]", Integer.toString(size));
		return urls.withParameters(page);
	}

	private static String pageUrl(RequestUrls urls, long number, int size) {
		Map<String, String> page = new LinkedHashMap<>();
		page.put("page[number]", Long.toString(number));
		page.put("page[size]", Integer.toString(size));
		return urls.withParameters(page);
	}

	JsonApiResponse postprocess(Operation operation, ResourceDescriptor resource, String relation, String id,
			List<Object> entities, ObjectNode document) {
		PostprocessContext post = new PostprocessContext(operation, resource.type(), relation, id, entities, document);
		this.processors.postprocess(post);
		return JsonApiResponse.ok(post.document());
	}

	/**
	 * Run a read in a read-only transaction.
	 * @param work the read
	 * @return its response
	 */
	public JsonApiResponse read(Supplier<JsonApiResponse> work) {
		return translated(false, () -> this.readTransaction.execute((status) -> work.get()));
	}

	/**
	 * Run a write and its postprocessors in one transaction.
	 * @param deleting whether the write deletes (for the meaning of foreign-key violations)
	 * @param work the write
	 * @return its response
	 */
	public JsonApiResponse write(boolean deleting, Supplier<JsonApiResponse> work) {
		return write(deleting, false, work);
	}

	/**
	 * Run a write and its postprocessors in one transaction.
	 * @param deleting whether the write deletes (for the meaning of foreign-key violations)
	 * @param conditional whether the write carries a precondition (a version conflict at flush is
	 * then {@code 412})
	 * @param work the write
	 * @return its response
	 */
	public JsonApiResponse write(boolean deleting, boolean conditional, Supplier<JsonApiResponse> work) {
		return translated(deleting, conditional, () -> this.writeTransaction.execute((status) -> work.get()));
	}

	private JsonApiResponse translated(boolean deleting, Supplier<JsonApiResponse> work) {
		return translated(deleting, false, work);
	}

	private JsonApiResponse translated(boolean deleting, boolean conditional, Supplier<JsonApiResponse> work) {
		try {
			return work.get();
		}
		catch (JsonApiException | dev.restless.ProcessingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw flushValidationFailure(ex)
				.or(() -> PersistenceErrors.translate(ex, deleting, conditional))
				.orElseThrow(() -> ex);
		}
	}

}
