package dev.restless.internal.document;

import java.util.Comparator;
import java.util.List;

import dev.restless.ResourceMethod;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document at the base path: where a client (or a person with a browser) starts. Like
 * Flask-Restless's {@code GET /api}, it describes every exposed resource: the link to its
 * collection, its primary key, its enabled methods, its attributes and its relationships with the
 * type each one points to. It is a JSON:API document without primary data: the descriptions are
 * in {@code meta.resources}, keyed by collection name, and name no entity class, table or hidden
 * field.
 */
public final class ApiIndexDocument {

	private ApiIndexDocument() {
	}

	/**
	 * Render the index.
	 * @param renderer starts the document
	 * @param registry the exposed resources
	 * @param links the request's URLs
	 * @return the document
	 */
	public static ObjectNode render(DocumentRenderer renderer, ResourceRegistry registry, RequestLinks links) {
		ObjectNode document = renderer.newDocument();
		document.putObject("links").put("self", links.api().base());
		ObjectNode resources = document.putObject("meta").putObject("resources");
		List<ResourceDescriptor> sorted = registry.all()
			.stream()
			.sorted(Comparator.comparing(ResourceDescriptor::type))
			.toList();
		for (ResourceDescriptor resource : sorted) {
			describe(resources.putObject(resource.type()), resource, registry, links.api());
		}
		return document;
	}

	private static void describe(ObjectNode node, ResourceDescriptor resource, ResourceRegistry registry,
			ApiUrls urls) {
		// Only what answers GET is linked, as everywhere else in Restless's documents.
		if (resource.allows(ResourceMethod.GET)) {
			node.putObject("links").put("self", urls.collection(resource.type()));
		}
		node.put("primaryKey", resource.id().primaryKeyName());
		ArrayNode methods = node.putArray("methods");
		for (ResourceMethod method : ResourceMethod.values()) {
			if (resource.allows(method)) {
				methods.add(method.name());
			}
		}
		ArrayNode attributes = node.putArray("attributes");
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			attributes.add(attribute.name());
		}
		ObjectNode relationships = node.putObject("relationships");
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			ObjectNode described = relationships.putObject(relationship.name());
			described.put("type", registry.find(relationship.targetClass()).orElseThrow().type());
			described.put("toMany", relationship.toMany());
		}
	}

}
