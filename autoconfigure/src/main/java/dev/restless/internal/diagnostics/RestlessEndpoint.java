package dev.restless.internal.diagnostics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.RestlessSettings;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code restless}: the global settings and every exposed resource with the
 * settings it runs with once the annotation, the properties and the customizers are applied.
 */
@Endpoint(id = "restless")
public final class RestlessEndpoint {

	private final ResourceRegistry registry;

	private final RestlessSettings settings;

	private final String basePath;

	/**
	 * Create the endpoint.
	 * @param registry the exposed resources
	 * @param settings the settings Restless runs with
	 * @param basePath the base path of the API
	 */
	public RestlessEndpoint(ResourceRegistry registry, RestlessSettings settings, String basePath) {
		this.registry = registry;
		this.settings = settings;
		this.basePath = basePath;
	}

	/** @return the settings and the resources */
	@ReadOperation
	public Map<String, Object> restless() {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("basePath", this.basePath);
		Map<String, Object> global = new LinkedHashMap<>();
		global.put("defaultPageSize", this.settings.getDefaultPageSize());
		global.put("maxPageSize", this.settings.getMaxPageSize());
		global.put("maxIncludeDepth", this.settings.getMaxIncludeDepth());
		global.put("maxFilterDepth", this.settings.getMaxFilterDepth());
		global.put("maxFilterNodes", this.settings.getMaxFilterNodes());
		global.put("maxRequestSize", this.settings.getMaxRequestSize());
		global.put("requireIfMatch", this.settings.isRequireIfMatch());
		global.put("atomicMaxOperations", this.settings.getAtomicMaxOperations());
		report.put("settings", global);
		Map<String, Object> resources = new LinkedHashMap<>();
		this.registry.all()
			.stream()
			.sorted(Comparator.comparing(ResourceDescriptor::type))
			.forEach((resource) -> resources.put(resource.type(), describe(resource)));
		report.put("resources", resources);
		return report;
	}

	private Map<String, Object> describe(ResourceDescriptor resource) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("entity", resource.entityClass().getName());
		described.put("path", this.basePath + "/" + resource.type());
		described.put("primaryKey", resource.id().primaryKeyName());
		described.put("methods", resource.methods().stream().sorted().map(Enum::name).toList());
		described.put("pageSize", resource.pageSize());
		described.put("maxPageSize", resource.maxPageSize());
		described.put("includes", resource.defaultIncludes());
		described.put("allowClientGeneratedIds", resource.allowClientGeneratedIds());
		described.put("allowToManyReplacement", resource.allowToManyReplacement());
		described.put("allowDeleteFromToManyRelationships", resource.allowDeleteFromToManyRelationships());
		described.put("allowFunctions", resource.allowFunctions());
		described.put("toManyLinkage", resource.toManyLinkage());
		described.put("total", resource.total().name());
		described.put("estimatedTotalThreshold", resource.estimatedTotalThreshold());
		described.put("estimatedTotalTimeToLive", resource.estimatedTotalTimeToLive().toString());
		described.put("requireIfMatch", resource.requireIfMatch());
		described.put("attributes", List.copyOf(resource.attributes().keySet()));
		Map<String, String> relationships = new LinkedHashMap<>();
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			relationships.put(relationship.name(), this.registry.find(relationship.targetClass()).orElseThrow().type());
		}
		described.put("relationships", relationships);
		return described;
	}

}
