package dev.restless.internal.document;

import dev.restless.internal.error.ErrorObject;
import java.util.List;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds JSON:API error documents.
 */
public final class ErrorDocuments {

	private ErrorDocuments() {
	}

	/**
	 * A top-level document with the {@code jsonapi} member and the given errors.
	 * @param mapper the mapper that writes the error objects
	 * @param errors the errors
	 * @return the document
	 */
	public static ObjectNode of(ObjectMapper mapper, List<ErrorObject> errors) {
		ObjectNode document = mapper.createObjectNode();
		document.putObject("jsonapi").put("version", DocumentRenderer.JSONAPI_VERSION);
		ArrayNode array = document.putArray("errors");
		for (ErrorObject error : errors) {
			array.add(mapper.valueToTree(error));
		}
		return document;
	}

}
