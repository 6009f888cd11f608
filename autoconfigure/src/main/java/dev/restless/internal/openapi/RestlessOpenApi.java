package dev.restless.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * Adds the description of the Restless API to an OpenAPI document: its paths, tags, component
 * schemas and error responses, computed once from the registry and kept for every request of the
 * document.
 */
public final class RestlessOpenApi {

	private final Map<String, PathItem> paths;

	private final Map<String, Schema> schemas;

	private final Map<String, ApiResponse> responses;

	private final List<Tag> tags;

	/**
	 * Describe the API.
	 * @param registry the exposed resources
	 * @param apiPath the path of the API under the server URL: the servlet path and the base path
	 * @param maxIncludeDepth the longest include path accepted
	 * @param filterOperators the names of the filter operators, custom ones included
	 */
	public RestlessOpenApi(ResourceRegistry registry, String apiPath, int maxIncludeDepth,
			List<String> filterOperators) {
		ResourceTypes types = new ResourceTypes(registry, maxIncludeDepth);
		String basePath = apiPath.endsWith("/") ? apiPath.substring(0, apiPath.length() - 1) : apiPath;
		ApiPaths apiPaths = new ApiPaths(basePath, types, new QueryParameterDescriptions(types, filterOperators));
		this.paths = apiPaths.paths();
		this.responses = apiPaths.errorResponses();
		Map<String, Schema> schemas = new LinkedHashMap<>();
		ResourceSchemas resourceSchemas = new ResourceSchemas(types);
		List<String> resourceNames = new ArrayList<>();
		List<String> identifierNames = new ArrayList<>();
		List<Tag> tags = new ArrayList<>();
		for (ResourceDescriptor resource : types.all()) {
			resourceSchemas.addTo(resource, schemas);
			resourceNames.add(ComponentNames.of(resource, ComponentNames.RESOURCE));
			identifierNames.add(ComponentNames.of(resource, ComponentNames.IDENTIFIER));
			tags.add(new Tag().name(resource.type()).description("The '" + resource.type() + "' resources"));
		}
		SharedSchemas.addTo(schemas, resourceNames, identifierNames);
		tags.add(new Tag().name("operations").description("Atomic Operations: several changes in one transaction"));
		this.schemas = schemas;
		this.tags = tags;
	}

	/**
	 * Add the description to a document, next to what it describes already.
	 * @param openApi the document
	 */
	public void addTo(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			openApi.setPaths(new Paths());
		}
		this.paths.forEach(openApi.getPaths()::addPathItem);
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		Components components = openApi.getComponents();
		this.schemas.forEach(components::addSchemas);
		this.responses.forEach(components::addResponses);
		for (Tag tag : this.tags) {
			boolean described = openApi.getTags() != null
					&& openApi.getTags().stream().anyMatch((other) -> other.getName().equals(tag.getName()));
			if (!described) {
				openApi.addTagsItem(tag);
			}
		}
	}

}
