package dev.restless.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.document.DocumentRenderer.RenderOptions;
import dev.restless.internal.document.RequestDocuments;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.precondition.Precondition;
import dev.restless.internal.query.QueryParser;
import dev.restless.processing.PostprocessContext;
import dev.restless.processing.PreprocessContext;
import dev.restless.query.QueryParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writes of single requests, each in one transaction with its postprocessors: creation,
 * update, deletion and relationship changes. Each runs the same {@link WriteSteps} as the
 * operations of an atomic request, then renders its result. An {@code If-Match} condition, or a
 * version in the resource object's {@code meta}, makes a change conditional.
 */
public final class ResourceWrites {

	private final ResourceRegistry registry;

	private final OperationRules rules;

	private final QueryParser queryParser;

	private final RequestDocuments requestDocuments;

	private final WriteSteps steps;

	private final EntityLoader loader;

	private final ProcessorChain processors;

	private final Documents documents;

	private final Transactions transactions;

	ResourceWrites(ResourceRegistry registry, OperationRules rules, QueryParser queryParser, RequestDocuments requestDocuments, WriteSteps steps,
			EntityLoader loader, ProcessorChain processors, Documents documents, Transactions transactions) {
		this.registry = registry;
		this.rules = rules;
		this.queryParser = queryParser;
		this.requestDocuments = requestDocuments;
		this.steps = steps;
		this.loader = loader;
		this.processors = processors;
		this.documents = documents;
		this.transactions = transactions;
	}

	/**
	 * {@code POST /{collection}}.
	 * @param target the collection, as the rules allowed it
	 * @param body the request body
	 * @param request the request
	 * @return the response: {@code 201} with {@code Location}
	 */
	public JsonApiResponse create(Target target, byte[] body, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		QueryParameters parsed = this.queryParser.parse(resource, request.parameters(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.POST_RESOURCE, resource.type(), null, null, parsed,
				this.requestDocuments.parse(body));
		ObjectNode data = this.steps.preprocessResourceObject(resource, pre);
		RenderOptions options = this.documents.options(resource, pre.query(), request.links());
		return this.transactions.write(false, false, () -> {
			Object entity = this.steps.create(resource, data);
			this.steps.flush();
			String id = resource.idOf(entity);
			ObjectNode document = this.documents.resource(resource, entity, options);
			String location = request.links().api().resource(resource.type(), id);
			if (DocumentRenderer.hasLinks(resource)) {
				document.putObject("links").put("self", location);
			}
			JsonApiResponse response = this.documents.postprocess(Operation.POST_RESOURCE, resource, null, id,
					List.of(entity), document);
			return this.documents.withEntityTag(resource, entity,
					new JsonApiResponse(201, response.document(), Map.of("Location", location)));
		});
	}

	/**
	 * {@code PATCH /{collection}/{id}}.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param body the request body
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse update(Target target, String id, byte[] body, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		// Required of a resource that refuses blind changes once the document is read: its
		// meta.version satisfies the requirement as well as If-Match does.
		Precondition precondition = new Precondition(request.ifMatch(), null, null);
		QueryParameters parsed = this.queryParser.parse(resource, request.parameters(), Set.of());
		PreprocessContext pre = new PreprocessContext(Operation.PATCH_RESOURCE, resource.type(), null, id, parsed,
				this.requestDocuments.parse(body));
		ObjectNode data = this.steps.preprocessResourceObject(resource, pre);
		JsonNode documentId = data.get("id");
		if (documentId == null || documentId.isNull()) {
			throw JsonApiException.badDocument("/data", "The resource object has no 'id' member");
		}
		RequestDocuments.checkId(data, pre.id(), "the URL");
		Precondition expected = precondition.withVersion(Precondition.versionIn(data), "/data/meta/version");
		this.rules.checkPrecondition(resource, expected, OperationRules.VersionCarriers.IF_MATCH_OR_RESOURCE_OBJECT);
		RenderOptions options = this.documents.options(resource, pre.query(), request.links());
		return this.transactions.write(false, expected.isPresent(), () -> {
			// Loaded with the linkage the response renders, as a GET would: one statement fewer
			// (unless that relationship is validated).
			Object entity = this.steps.update(resource,
					this.loader.findWithLinkage(resource, pre.id(), pre.query(), true), data, expected);
			this.steps.flush();
			ObjectNode document = this.documents.resource(resource, entity, options);
			if (DocumentRenderer.hasLinks(resource)) {
				document.putObject("links")
					.put("self", request.links().api().resource(resource.type(), resource.idOf(entity)));
			}
			return this.documents.withEntityTag(resource, entity, this.documents
				.postprocess(Operation.PATCH_RESOURCE, resource, null, pre.id(), List.of(entity), document));
		});
	}

	/**
	 * {@code DELETE /{collection}/{id}}.
	 * @param target the resource, as the rules allowed it
	 * @param id the id from the URL
	 * @param request the request
	 * @return the response: {@code 204} unless a postprocessor sets a document
	 */
	public JsonApiResponse delete(Target target, String id, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		Precondition precondition = precondition(resource, request);
		PreprocessContext pre = new PreprocessContext(Operation.DELETE_RESOURCE, resource.type(), null, id, null, null);
		this.steps.preprocess(pre);
		return this.transactions.write(true, precondition.isPresent(), () -> {
			Object entity = this.steps.delete(resource, pre.id(), precondition);
			this.steps.flush();
			return postprocessed(new PostprocessContext(Operation.DELETE_RESOURCE, resource.type(), null, pre.id(),
					List.of(entity), null));
		});
	}

	/**
	 * {@code POST}, {@code PATCH} or {@code DELETE} on {@code /{collection}/{id}/relationships/{relation}}:
	 * add members to a to-many relationship, replace a relationship, or remove members from a to-many
	 * relationship, keeping both sides of a bidirectional association consistent. An
	 * {@code If-Match} condition is checked against the owning resource's entity tag.
	 * @param target the resource, relationship and change, as the rules allowed them
	 * @param id the id from the URL
	 * @param body the request body
	 * @param request the request
	 * @return the response: {@code 204} unless a postprocessor sets a document
	 */
	public JsonApiResponse changeRelationship(Target target, String id, byte[] body, RequestContext request) {
		ResourceDescriptor resource = target.resource();
		RelationshipDescriptor relationship = target.relationship();
		Operation operation = target.operation();
		// A relationship is part of the resource that owns it: If-Match names that resource's
		// ETag, and a resource that refuses blind writes refuses them here too.
		Precondition precondition = precondition(resource, request);
		QueryParameters parsed = RelationshipQueries.parse(this.queryParser,
				this.registry.find(relationship.targetClass()).orElseThrow(), request.parameters(), false);
		PreprocessContext pre = new PreprocessContext(operation, resource.type(), relationship.name(), id, parsed,
				this.requestDocuments.parse(body));
		this.steps.preprocess(pre);
		JsonNode data = RequestDocuments.linkage(pre.document());
		try {
			return this.transactions.write(false, precondition.isPresent(), () -> {
				Object owner = this.steps.changeRelationship(resource, pre.id(), relationship, operation, data,
						precondition);
				this.steps.flush();
				return postprocessed(new PostprocessContext(operation, resource.type(), relationship.name(),
						pre.id(), List.of(owner), null));
			});
		}
		catch (JsonApiException ex) {
			// Hibernate validates again at flush, which the steps cannot see.
			throw ValidationErrors.atLinkage(ex);
		}
	}

	private JsonApiResponse postprocessed(PostprocessContext post) {
		this.processors.postprocess(post);
		return (post.document() != null) ? JsonApiResponse.ok(post.document()) : JsonApiResponse.noContent();
	}

	/**
	 * The precondition of a change without a resource object (a deletion, a relationship write):
	 * its {@code If-Match} condition, the only way such a request can name a version, which a
	 * resource that refuses blind changes requires.
	 */
	private Precondition precondition(ResourceDescriptor resource, RequestContext request) {
		Precondition precondition = new Precondition(request.ifMatch(), null, null);
		this.rules.checkPrecondition(resource, precondition, OperationRules.VersionCarriers.IF_MATCH);
		return precondition;
	}

}
