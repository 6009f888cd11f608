package dev.restless.internal.service;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Turns Bean Validation violations into {@code 422} error objects pointing at the attribute or
 * relationship. A violation on a hidden field points at the resource object and names no field, so
 * hidden fields never leak.
 */
final class ValidationErrors {

	private ValidationErrors() {
	}

	static ErrorObject toError(ResourceDescriptor resource, ConstraintViolation<?> violation) {
		String property = firstNode(violation.getPropertyPath());
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.attributeName().equals(property)) {
				return ErrorObject.atPointer(422, "Invalid attribute",
						attribute.name() + " " + violation.getMessage(), "/data/attributes/" + attribute.name());
			}
		}
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			if (relationship.attributeName().equals(property)) {
				return ErrorObject.atPointer(422, "Invalid relationship",
						relationship.name() + " " + violation.getMessage(),
						"/data/relationships/" + relationship.name());
			}
		}
		return ErrorObject.atPointer(422, "Invalid resource", "The resource does not satisfy its constraints",
				"/data");
	}

	private static String firstNode(Path path) {
		for (Path.Node node : path) {
			return node.getName();
		}
		return null;
	}

}
