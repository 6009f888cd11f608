package dev.restless.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.internal.document.DocumentRenderer.RenderOptions;
import dev.restless.internal.document.PaginationLinks;
import dev.restless.internal.document.RequestLinks;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.PageTotal;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.precondition.EntityTag;
import dev.restless.internal.persistence.ResourceQueries.CursorPage;
import dev.restless.internal.persistence.ResourceQueries.PageResult;
import dev.restless.internal.query.CursorCodec;
import dev.restless.internal.query.CursorPagination;
import dev.restless.internal.query.FunctionCall;
import dev.restless.internal.query.FunctionParser;
import dev.restless.internal.query.QueryParser;
import dev.restless.processing.PreprocessContext;
import dev.restless.query.PageParameters;
import dev.restless.query.QueryParameters;
import dev.restless.query.SortField;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reads of the API, each in one read-only transaction: collections (numbered or cursor
 * pages, or the single match of {@code filter[single]}), single resources (with {@code ETag} and
 * {@code If-None-Match}), related resources, relationship linkage and function evaluation. Each
 * parses its query, runs the preprocessors, loads through persistence, renders and runs the
 * postprocessors.
 */
public final class ResourceReads {

	private final ResourceRegistry registry;

	private final OperationRules rules;

	private final QueryParser queryParser;

	private final ResourceQueries queries;

	private final ProcessorChain processors;

	private final EntityLoader loader;

	private final Documents documents;

	private final Transactions transactions;

	private final CursorCodec cursors;

	ResourceReads(ResourceRegistry registry, OperationRules rules, QueryParser queryParser, ResourceQueries queries,
			ProcessorChain processors, EntityLoader loader, Documents documents, Transactions transactions,
			CursorCodec cursors) {
		this.registry = registry;
		this.rules = rules;
		this.queryParser = queryParser;
		this.queries = queries;
		this.processors = processors;
		this.loader = loader;
		this.documents = documents;
		this.transactions = transactions;
		this.cursors = cursors;
	}

	/**
	 * {@code GET /{collection}}.
	 * @param target the collection, as the rules allowed it
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getCollection(Target target, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		QueryParameters parsed = this.queryParser.parse(resource, request.parameters(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_COLLECTION, resource.type(), null, null, parsed,
				null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		boolean profileAsked = request.parameter("page[number]") == null && !query.page().offsetAndLimit()
				&& request.cursorProfile();
		if (!query.singleResult() && (query.page().cursor() || profileAsked)) {
			return cursorPage(resource, query.withPage(query.page().asCursorPage()), request.links());
		}
		RenderOptions options = this.documents.options(resource, query, request.links());
		return this.transactions.read(() -> {
			if (query.singleResult()) {
				Object match = single(resource, this.queries.findMatching(resource, query, 2));
				ObjectNode document = this.documents.resource(resource, match, options);
				document.putObject("links").put("self", request.links().self());
				return this.documents.postprocess(Operation.GET_COLLECTION, resource, null, null, List.of(match),
						document);
			}
			PageResult page = this.queries.findPage(resource, query);
			ObjectNode document = this.documents.collection(resource, page.rows(), options);
			PaginationLinks.addNumbered(document, request.links(), query.page(), totalValue(page.total()),
					estimated(page.total()), page.hasNext());
			return this.documents.postprocess(Operation.GET_COLLECTION, resource, null, null, page.rows(), document);
		});
	}

	private static @Nullable Long totalValue(@Nullable PageTotal total) {
		return (total != null) ? total.value() : null;
	}

	private static boolean estimated(@Nullable PageTotal total) {
		return total != null && total.estimated();
	}

	/** The one match {@code filter[single]} asks for: {@code 404} for none or more than one. */
	private static Object single(ResourceDescriptor resource, List<Object> matches) {
		if (matches.size() != 1) {
			throw JsonApiException.notFound((matches.isEmpty() ? "No" : "More than one") + " '" + resource.type()
					+ "' matches the filter; filter[single] asks for exactly one");
		}
		return matches.get(0);
	}

	/**
	 * {@code GET /{collection}/{id}}. A versioned resource carries its {@code ETag}; an
	 * {@code If-None-Match} that matches it gives {@code 304 Not Modified} without a body.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getResource(Target target, String id, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		QueryParameters parsed = this.queryParser.parse(resource, request.parameters(), Set.of());
		EntityTag.Condition ifNoneMatch = request.ifNoneMatch();
		PreprocessContext pre = new PreprocessContext(Operation.GET_RESOURCE, resource.type(), null, id, parsed, null);
		this.processors.preprocess(pre);
		JsonApiResponse response = this.transactions.read(() -> {
			Object entity = this.loader.findWithLinkage(resource, pre.id(), pre.query(), false);
			ObjectNode document = this.documents.resource(resource, entity,
					this.documents.options(resource, pre.query(), request.links()));
			document.putObject("links").put("self", request.links().self());
			return this.documents.withEntityTag(resource, entity, this.documents
				.postprocess(Operation.GET_RESOURCE, resource, null, pre.id(), List.of(entity), document));
		});
		return Documents.notModifiedIfMatching(response, ifNoneMatch);
	}

	/**
	 * {@code GET /eval/{collection}}: the functions of the {@code functions} parameter, computed
	 * over the filtered resources in one statement.
	 * @param target the resource, as the rules allowed it (which requires it to allow functions)
	 * @param request the request
	 * @return the response, whose {@code data} holds the results in the order asked
	 */
	public JsonApiResponse evaluate(Target target, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		QueryParameters parsed = this.queryParser.parse(resource, request.parameters(),
				Set.of(FunctionParser.PARAMETER));
		List<FunctionCall> functions = new FunctionParser(this.registry, this.queryParser.visibility()).parse(resource,
				request.parameter(FunctionParser.PARAMETER));
		PreprocessContext pre = new PreprocessContext(Operation.EVAL, resource.type(), null, null, parsed, null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		return this.transactions.read(() -> {
			ObjectNode document = this.documents.renderer().newDocument();
			ArrayNode data = document.putArray("data");
			for (Object result : this.queries.evaluate(resource, query, functions)) {
				data.add(this.documents.renderer().attributeValue(result));
			}
			return this.documents.postprocess(Operation.EVAL, resource, null, null, List.of(), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}/{relation}}: the related resource (or {@code null}) of a to-one
	 * relationship, or a page of the related resources of a to-many relationship, filtered, sorted
	 * and paginated like a top-level collection of the target resource.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getRelated(Target target, String id, String relation, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		RelationshipDescriptor relationship = this.rules.relationship(resource, relation);
		ResourceDescriptor related = targetOf(relationship);
		this.rules.checkRead(related);
		QueryParameters parsed = this.queryParser.parse(related, request.parameters(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATED, resource.type(), relationship.name(), id,
				parsed, null);
		this.processors.preprocess(pre);
		QueryParameters query = pre.query();
		if (query.page().cursor()) {
			throw JsonApiException.badParameter((query.page().after() != null) ? "page[after]" : "page[before]",
					"Cursor pagination is served on top-level collections; page related resources with page[number]");
		}
		RequestLinks links = request.links();
		RenderOptions options = this.documents.options(related, query, links);
		return this.transactions.read(() -> {
			Object owner = this.loader.find(resource, pre.id());
			if (!relationship.toMany()) {
				Object value = toOne(related, relationship, owner);
				Object entity = (value != null) ? Hibernate.unproxy(value) : null;
				ObjectNode document = this.documents.resource(related, entity, options);
				document.putObject("links").put("self", links.self());
				return this.documents.postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(),
						(entity != null) ? List.of(entity) : List.of(), document);
			}
			Object ownerKey = resource.keyOf(owner);
			if (query.singleResult()) {
				Object match = single(related,
						this.queries.findRelatedMatching(resource, ownerKey, relationship, query, 2));
				ObjectNode document = this.documents.resource(related, match, options);
				document.putObject("links").put("self", links.self());
				return this.documents.postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(),
						List.of(match), document);
			}
			PageResult page = this.queries.findRelatedPage(resource, ownerKey, relationship, query);
			ObjectNode document = this.documents.collection(related, page.rows(), options);
			PaginationLinks.addNumbered(document, links, query.page(), totalValue(page.total()),
					estimated(page.total()), page.hasNext());
			return this.documents.postprocess(Operation.GET_RELATED, resource, relationship.name(), pre.id(),
					page.rows(), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}/{relation}/{relatedId}}: one member of a to-many relationship.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param relatedId the id of the member from the URL
	 * @param request the request
	 * @return the response
	 * @throws JsonApiException 404 when the relationship is unknown or to-one, the resource does not
	 * exist or the member is not in the relationship
	 */
	public JsonApiResponse getRelatedResource(Target target, String id, String relation, String relatedId,
			RequestContext request) {
		ResourceDescriptor resource = target.resource();
		RelationshipDescriptor relationship = this.rules.relationship(resource, relation);
		if (!relationship.toMany()) {
			throw JsonApiException.notFound("'" + relationship.name() + "' of '" + resource.type()
					+ "' is a to-one relationship; its resource is served without an id");
		}
		ResourceDescriptor related = targetOf(relationship);
		this.rules.checkRead(related);
		QueryParameters parsed = this.queryParser.parse(related, request.parameters(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATED_RESOURCE, resource.type(),
				relationship.name(), id, relatedId, parsed, null);
		this.processors.preprocess(pre);
		return this.transactions.read(() -> {
			Object owner = this.loader.find(resource, pre.id());
			Object member = related.id()
				.parse(pre.relatedId())
				.flatMap((key) -> this.queries.findRelatedMember(resource, resource.keyOf(owner), relationship, key))
				.orElseThrow(() -> JsonApiException.notFound("No '" + related.type() + "' with id '" + pre.relatedId()
						+ "' in '" + relationship.name() + "' of '" + resource.type() + "' '" + pre.id() + "'"));
			ObjectNode document = this.documents.resource(related, member,
					this.documents.options(related, pre.query(), request.links()));
			document.putObject("links").put("self", request.links().self());
			return this.documents.postprocess(Operation.GET_RELATED_RESOURCE, resource, relationship.name(), pre.id(),
					List.of(member), document);
		});
	}

	/**
	 * {@code GET /{collection}/{id}/relationships/{relation}}: the complete linkage of a
	 * relationship (one statement for a to-many relationship, none beyond the resource for a
	 * to-one); on a to-many relationship, the linkage of the members that match the filters, or
	 * with {@code filter[single]} the identifier of the one that does.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param relation the relationship name from the URL
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse getRelationship(Target target, String id, String relation, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		RelationshipDescriptor relationship = this.rules.relationship(resource, relation);
		ResourceDescriptor related = targetOf(relationship);
		this.rules.checkRead(related);
		PreprocessContext pre = new PreprocessContext(Operation.GET_RELATIONSHIP, resource.type(),
				relationship.name(), id,
				RelationshipQueries.parse(this.queryParser, related, request.parameters(), relationship.toMany()),
				null);
		this.processors.preprocess(pre);
		return this.transactions.read(() -> {
			Object owner = this.loader.find(resource, pre.id());
			ObjectNode document = this.documents.renderer().newDocument();
			if (relationship.toMany() && pre.query().singleResult()) {
				// As on collections: the identifier of the one member that matches, or 404.
				Object match = single(related, this.queries.findRelatedMatching(resource, resource.keyOf(owner),
						relationship, pre.query(), 2));
				document.set("data", this.documents.renderer().identifier(this.registry.ownResource(related, match),
						match));
			}
			else if (relationship.toMany()) {
				Object key = resource.keyOf(owner);
				QueryParameters query = pre.query();
				// Members are read as keys, one statement without loading them, unless they must be
				// loaded anyway: to filter or sort them, or to name the type each is served under (a
				// manager among employees).
				boolean complete = query.filters().isEmpty() && query.sort().isEmpty();
				boolean loaded = !complete || this.registry.hasExposedSubtypes(related);
				List<Object> members = complete
						? this.queries.toManyMembers(resource, relationship, List.of(key), loaded)
							.getOrDefault(key, List.of())
						: this.queries.findRelatedMatching(resource, key, relationship, query, Integer.MAX_VALUE);
				ArrayNode data = document.putArray("data");
				for (Object member : members) {
					ResourceDescriptor own = loaded ? this.registry.ownResource(related, member) : related;
					Object memberKey = loaded ? related.keyOf(member) : member;
					data.addObject().put("type", own.type()).put("id", related.id().format(memberKey));
				}
			}
			else {
				Object value = toOne(related, relationship, owner);
				if (value != null) {
					// Only a target with exposed subtypes needs the row itself to name its type.
					ResourceDescriptor own = this.registry.hasExposedSubtypes(related)
							? this.registry.ownResource(related, value) : related;
					document.set("data", this.documents.renderer().identifier(own, value));
				}
				else {
					document.putNull("data");
				}
			}
			String ownerId = resource.idOf(owner);
			ObjectNode links = document.putObject("links");
			links.put("self", request.links().api().relationship(resource.type(), ownerId, relationship.name()));
			links.put("related", request.links().api().related(resource.type(), ownerId, relationship.name()));
			return this.documents.postprocess(Operation.GET_RELATIONSHIP, resource, relationship.name(), pre.id(),
					List.of(owner), document);
		});
	}

	/**
	 * A cursor page of a collection (the JSON:API cursor pagination profile): keyset query, item
	 * cursors in each resource's {@code meta.page.cursor}, {@code prev} and {@code next} links made
	 * of cursors, and the total only when {@code page[total]} asks for one.
	 */
	private JsonApiResponse cursorPage(ResourceDescriptor resource, QueryParameters query, RequestLinks links) {
		List<SortField> keys = CursorPagination.keys(resource, query.sort());
		PageParameters page = query.page();
		boolean forward = page.before() == null;
		String cursor = forward ? page.after() : page.before();
		@Nullable List<@Nullable Object> values = (cursor != null)
				? this.cursors.decode(cursor, CursorPagination.types(resource, keys))
					.orElseThrow(() -> CursorPagination.invalidCursor(forward ? "page[after]" : "page[before]"))
				: null;
		RenderOptions options = this.documents.options(resource, query, links);
		return this.transactions.read(() -> {
			CursorPage result = this.queries.findCursorPage(resource, query, keys, values, forward);
			ObjectNode document = this.documents.collection(resource, result.rows(), options);
			List<String> itemCursors = new ArrayList<>();
			for (Object row : result.rows()) {
				itemCursors.add(this.cursors.encode(CursorPagination.values(resource, keys, row)));
			}
			boolean hasPrev = forward ? cursor != null : result.more();
			boolean hasNext = forward ? result.more() : true;
			PageTotal total = this.queries.total(resource, query);
			PaginationLinks.addCursors(document, links, itemCursors, page.size(), hasPrev, hasNext, totalValue(total),
					estimated(total));
			JsonApiResponse response = this.documents.postprocess(Operation.GET_COLLECTION, resource, null, null,
					result.rows(), document);
			return new JsonApiResponse(response.status(), response.document(), Map.of("Content-Type",
					CursorPagination.MEDIA_TYPE));
		});
	}

	/**
	 * The row a to-one relationship of a row points at (possibly a proxy), or {@code null}: a row outside the
	 * caller's scope of its resource is no row (found with one statement where that resource
	 * restricts the caller's rows, and none elsewhere).
	 */
	private @Nullable Object toOne(ResourceDescriptor related, RelationshipDescriptor relationship, Object owner) {
		Object value = relationship.accessor().get(owner);
		if (value == null) {
			return null;
		}
		if (this.queries.restricts(related)) {
			Object key = related.keyOf(value);
			return (key != null) ? this.queries.findByKey(related, key).orElse(null) : null;
		}
		// possibly an uninitialized proxy: its identifier costs nothing
		return value;
	}

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

}
