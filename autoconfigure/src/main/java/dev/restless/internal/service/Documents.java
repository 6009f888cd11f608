package dev.restless.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.Operation;
import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.document.DocumentRenderer.RenderOptions;
import dev.restless.internal.document.RequestLinks;
import dev.restless.internal.graph.IncludeTree;
import dev.restless.internal.graph.ResourceGraph;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.persistence.IncludeLoader;
import dev.restless.internal.precondition.EntityTag;
import dev.restless.internal.precondition.ResourceVersions;
import dev.restless.processing.PostprocessContext;
import dev.restless.query.QueryParameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;

/**
 * The response documents of the service: what they show is loaded first (included resources and
 * linkage, in a fixed number of statements), then rendered, then handed to the postprocessors;
 * versioned resources get their {@code ETag}.
 */
final class Documents {

	private final IncludeLoader loader;

	private final DocumentRenderer renderer;

	private final ProcessorChain processors;

	private final ResourceVersions versions;

	private final OperationRules rules;

	Documents(IncludeLoader loader, DocumentRenderer renderer, ProcessorChain processors, ResourceVersions versions,
			OperationRules rules) {
		this.rules = rules;
		this.loader = loader;
		this.renderer = renderer;
		this.processors = processors;
		this.versions = versions;
	}

	/** @return the renderer, for documents without resources */
	DocumentRenderer renderer() {
		return this.renderer;
	}

	/**
	 * How a request's documents are rendered: its URLs, its includes (or the resource's default
	 * ones) and its sparse fieldsets.
	 */
	RenderOptions options(ResourceDescriptor resource, QueryParameters query, RequestLinks links) {
		return new RenderOptions(links.api(), this.rules.readableIncludes(resource, query), query.fields());
	}

	/**
	 * A document whose primary data is one resource (or {@code null}), with what it includes.
	 */
	ObjectNode resource(ResourceDescriptor resource, @Nullable Object entity, RenderOptions options) {
		ResourceGraph graph = load(resource, (entity != null) ? List.of(entity) : List.of(), options);
		return this.renderer.resourceDocument(resource, entity, graph, options);
	}

	/**
	 * A document whose primary data is a collection of resources, with what they include.
	 */
	ObjectNode collection(ResourceDescriptor resource, List<Object> entities, RenderOptions options) {
		return this.renderer.collectionDocument(resource, entities, load(resource, entities, options), options);
	}

	private ResourceGraph load(ResourceDescriptor resource, List<Object> entities, RenderOptions options) {
		return this.loader.load(resource, entities, IncludeTree.of(options.includes()), options.fields());
	}

	/**
	 * Hand a response document to the postprocessors.
	 * @return a {@code 200} with the document they leave
	 */
	JsonApiResponse postprocess(Operation operation, ResourceDescriptor resource, @Nullable String relation,
			@Nullable String id, List<Object> entities, @Nullable ObjectNode document) {
		PostprocessContext post = new PostprocessContext(operation, resource.type(), relation, id, entities, document);
		this.processors.postprocess(post);
		return JsonApiResponse.ok(post.document());
	}

	/**
	 * Add a versioned resource's {@code ETag} to its response.
	 */
	JsonApiResponse withEntityTag(ResourceDescriptor resource, Object entity, JsonApiResponse response) {
		EntityTag tag = this.versions.entityTag(resource, entity);
		if (tag == null) {
			return response;
		}
		Map<String, String> headers = new LinkedHashMap<>(response.headers());
		headers.put(HttpHeaders.ETAG, tag.format());
		return new JsonApiResponse(response.status(), response.document(), headers);
	}

	/**
	 * {@code 304 Not Modified} without a body when the response's {@code ETag} matches
	 * {@code If-None-Match}.
	 */
	static JsonApiResponse notModifiedIfMatching(JsonApiResponse response, EntityTag.@Nullable Condition ifNoneMatch) {
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

}
