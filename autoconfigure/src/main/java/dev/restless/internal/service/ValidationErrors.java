package dev.restless.internal.service;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.ErrorObject.ErrorSource;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

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
				List<String> members = nestedMembers(attribute.javaType(), violation.getPropertyPath());
				return ErrorObject.atPointer(422, "Invalid attribute",
						String.join(".", prepend(attribute.name(), members)) + " " + violation.getMessage(),
						"/data/attributes/" + String.join("/", prepend(attribute.name(), members).stream()
							.map((member) -> member.replace("~", "~0").replace("/", "~1"))
							.toList()));
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

	/**
	 * The errors of a change made through a relationship endpoint (or a relationship operation),
	 * whose document holds only resource linkage: it has no {@code attributes} or
	 * {@code relationships} member to point into, so a violation points at its {@code /data}.
	 * @param error the error, whose pointers are relative to the request document
	 * @return the error with such pointers moved to {@code /data}
	 */
	static JsonApiException atLinkage(JsonApiException error) {
		List<ErrorObject> errors = error.errors().stream().map(ValidationErrors::atLinkage).toList();
		return new JsonApiException(error.status(), errors, error.headers());
	}

	private static ErrorObject atLinkage(ErrorObject error) {
		String pointer = (error.source() != null) ? error.source().pointer() : null;
		if (pointer == null
				|| !(pointer.startsWith("/data/attributes/") || pointer.startsWith("/data/relationships/"))) {
			return error;
		}
		return new ErrorObject(error.status(), error.title(), error.detail(), new ErrorSource("/data", null, null),
				error.links(), error.meta());
	}

	/**
	 * The JSON names of the members a violation lies in below its attribute, such as
	 * {@code postalCode} for {@code address.postalCode} in an embeddable. The names stop before a
	 * container element or a member that cannot be found, and are none when a member on the way
	 * is hidden with {@code @JsonIgnore}, so the error then points at the attribute and names
	 * nothing hidden.
	 */
	private static List<String> nestedMembers(Class<?> type, Path path) {
		List<String> members = new ArrayList<>();
		Class<?> current = type;
		boolean first = true;
		for (Path.Node node : path) {
			if (first) {
				first = false;
				continue;
			}
			if (node.getKind() != ElementKind.PROPERTY || node.isInIterable() || node.getName() == null) {
				break;
			}
			Field field = ReflectionUtils.findField(current, node.getName());
			if (field == null) {
				break;
			}
			Method getter = getter(current, node.getName());
			JsonIgnore ignore = annotation(field, getter, JsonIgnore.class);
			if (ignore != null && ignore.value()) {
				return List.of();
			}
			JsonProperty property = annotation(field, getter, JsonProperty.class);
			members.add((property != null && StringUtils.hasText(property.value())) ? property.value() : field.getName());
			current = field.getType();
		}
		return members;
	}

	private static @Nullable Method getter(Class<?> type, String name) {
		String suffix = StringUtils.capitalize(name);
		Method getter = ReflectionUtils.findMethod(type, "get" + suffix);
		return (getter != null) ? getter : ReflectionUtils.findMethod(type, "is" + suffix);
	}

	private static <A extends Annotation> @Nullable A annotation(Field field, @Nullable Method getter, Class<A> type) {
		A annotation = AnnotatedElementUtils.findMergedAnnotation(field, type);
		return (annotation != null || getter == null) ? annotation
				: AnnotatedElementUtils.findMergedAnnotation(getter, type);
	}

	private static List<String> prepend(String first, List<String> rest) {
		List<String> all = new ArrayList<>(rest.size() + 1);
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static @Nullable String firstNode(Path path) {
		for (Path.Node node : path) {
			return node.getName();
		}
		return null;
	}

}
