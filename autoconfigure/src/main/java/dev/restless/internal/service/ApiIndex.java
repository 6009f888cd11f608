package dev.restless.internal.service;

import dev.restless.internal.document.ApiIndexDocument;
import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.metamodel.ResourceRegistry;

/**
 * {@code GET} of the base path: the index of the exposed resources. It reads the metamodel built
 * at start-up only, so it needs no transaction.
 */
public final class ApiIndex {

	private final ResourceRegistry registry;

	private final DocumentRenderer renderer;

	ApiIndex(ResourceRegistry registry, DocumentRenderer renderer) {
		this.registry = registry;
		this.renderer = renderer;
	}

	/**
	 * Read the index.
	 * @param request the request
	 * @return the response
	 */
	public JsonApiResponse read(RequestContext request) {
		return JsonApiResponse.ok(ApiIndexDocument.render(this.renderer, this.registry, request.links()));
	}

}
