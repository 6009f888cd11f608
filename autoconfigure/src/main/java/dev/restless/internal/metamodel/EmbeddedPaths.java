package dev.restless.internal.metamodel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Member paths into {@code @Embedded} attributes, as filters and sorts name them
 * ({@code address.city}): each member by the name documents give it ({@code @JsonProperty} or
 * the field's name), members hidden with {@code @JsonIgnore} or {@code @Transient} left out, so
 * that a query never reaches a value no document shows.
 */
public final class EmbeddedPaths {

	private EmbeddedPaths() {
	}

	/**
	 * A member of an embedded value.
	 *
	 * @param attributePath the JPA attribute names from the embedded attribute down to the member,
	 * the embedded attribute first
	 * @param type the member's Java type
	 */
	public record EmbeddedMember(List<String> attributePath, Class<?> type) {
	}

	/**
	 * Resolve a member path inside an embedded attribute.
	 * @param attribute the attribute, which must be of an {@code @Embeddable} type
	 * @param members the member names below it, outermost first
	 * @return the member, or {@code null} when the attribute is not embedded, a name is unknown
	 * or hidden, or the member is not a single comparable value
	 */
	public static @Nullable EmbeddedMember resolve(AttributeDescriptor attribute, List<String> members) {
		if (members.isEmpty() || attribute.writeOnly()) {
			return null;
		}
		List<String> path = new ArrayList<>();
		path.add(attribute.attributeName());
		Class<?> type = attribute.javaType();
		for (String name : members) {
			if (!isEmbeddable(type)) {
				return null;
			}
			Field field = member(type, name);
			if (field == null) {
				return null;
			}
			path.add(field.getName());
			type = field.getType();
		}
		if (isEmbeddable(type) || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
				|| type.isArray()) {
			return null;
		}
		return new EmbeddedMember(List.copyOf(path), ClassUtils.resolvePrimitiveIfNecessary(type));
	}

	/**
	 * Whether a type is a JPA embeddable.
	 * @param type the type
	 * @return whether it is annotated {@code @Embeddable}
	 */
	public static boolean isEmbeddable(Class<?> type) {
		return AnnotatedElementUtils.hasAnnotation(type, Embeddable.class);
	}

	private static @Nullable Field member(Class<?> type, String name) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
						|| field.isAnnotationPresent(Transient.class)) {
					continue;
				}
				JsonIgnore ignore = field.getAnnotation(JsonIgnore.class);
				if (ignore != null && ignore.value()) {
					continue;
				}
				JsonProperty property = field.getAnnotation(JsonProperty.class);
				if (property != null && property.access() == JsonProperty.Access.WRITE_ONLY) {
					continue;
				}
				String documented = (property != null && !property.value().isEmpty()) ? property.value()
						: field.getName();
				if (documented.equals(name)) {
					return field;
				}
			}
		}
		return null;
	}

}
