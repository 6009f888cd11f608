package dev.restless.internal.openapi;

import dev.restless.internal.metamodel.ResourceDescriptor;

/**
 * The names of the component schemas: the collection name (with characters a component name
 * cannot hold replaced) and what the schema describes, such as {@code people.resource} or
 * {@code people.create-document}. Shared schemas of JSON:API itself start with {@code jsonapi.}.
 */
final class ComponentNames {

	/** The resource object of the resource's own type. */
	static final String RESOURCE = "resource";

	/** A resource object of the resource or of any of its exposed subtypes. */
	static final String ANY_RESOURCE = "resource-of-any-type";

	/** Resource linkage: a resource identifier object. */
	static final String IDENTIFIER = "identifier";

	static final String ATTRIBUTES = "attributes";

	static final String RELATIONSHIPS = "relationships";

	static final String CREATE_DOCUMENT = "create-document";

	static final String UPDATE_DOCUMENT = "update-document";

	static final String DOCUMENT = "document";

	static final String COLLECTION_DOCUMENT = "collection-document";

	static final String INCLUDED = "included";

	private ComponentNames() {
	}

	/**
	 * The name of a component of a resource.
	 * @param resource the resource
	 * @param kind what the component describes
	 * @return the component name
	 */
	static String of(ResourceDescriptor resource, String kind) {
		return safe(resource.type()) + "." + kind;
	}

	/**
	 * The name of a component shared by the whole API.
	 * @param kind what the component describes
	 * @return the component name
	 */
	static String shared(String kind) {
		return "jsonapi." + kind;
	}

	/** Component names may hold only letters, digits, {@code .}, {@code -} and {@code _}. */
	static String safe(String name) {
		StringBuilder safe = new StringBuilder(name.length());
		for (int index = 0; index < name.length(); index++) {
			char character = name.charAt(index);
			boolean allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
					|| (character >= '0' && character <= '9') || character == '-' || character == '_';
			safe.append(allowed ? character : '_');
		}
		return safe.toString();
	}

}
