package dev.restless.internal.query;

import java.util.List;

import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.EmbeddedPaths;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.query.InvalidQueryException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A field named in a filter or a function, checked against the exposed resources: the resource
 * {@code id}, an attribute or a relationship, possibly reached through to-one relationships
 * ({@code owner.name}). Hidden, excluded and write-only fields are answered exactly like unknown
 * ones, so their existence is not revealed.
 *
 * @param name the name as the client gave it
 * @param kind what the name designates
 * @param type the Java type of the values compared with the field (boxed; the related id type for
 * a to-one relationship, {@code null} for a to-many relationship)
 * @param origin the resource the name was resolved against
 * @param resource the resource declaring the last segment of the name
 * @param relationship the relationship for {@link Kind#TO_ONE} and {@link Kind#TO_MANY}, otherwise
 * {@code null}
 * @param memberPath the member path whose value the field stands for ({@code owner.id} for the
 * to-one relationship {@code owner})
 */
public record QueryField(String name, Kind kind, @Nullable Class<?> type, ResourceDescriptor origin,
		ResourceDescriptor resource, @Nullable RelationshipDescriptor relationship, String memberPath) {

	/**
	 * Resolve a field name.
	 * @param registry the exposed resources
	 * @param origin the resource the name belongs to
	 * @param name the name, with dots to follow to-one relationships
	 * @param maxSegments the most dotted segments accepted
	 * @param visibility the fields the caller may read: the others are unknown names
	 * @return the field
	 * @throws InvalidQueryException when the name designates no exposed field
	 */
	public static QueryField resolve(ResourceRegistry registry, ResourceDescriptor origin, String name,
			int maxSegments, FieldVisibility visibility) {
		String[] segments = name.split("\\.", -1);
		if (segments.length > maxSegments) {
			throw new InvalidQueryException(
					"Field name '" + name + "' follows more than " + (maxSegments - 1) + " relationships");
		}
		ResourceDescriptor current = origin;
		for (int index = 0; index < segments.length - 1; index++) {
			String segment = segments[index];
			if (!visibility.readable(current, segment)) {
				throw unknown(current, segment);
			}
			RelationshipDescriptor relationship = current.relationship(segment).orElse(null);
			if (relationship == null) {
				AttributeDescriptor attribute = visibleAttribute(current, segment);
				if (attribute != null && EmbeddedPaths.isEmbeddable(attribute.javaType())) {
					return embeddedMember(name, origin, current, attribute,
							List.of(segments).subList(index + 1, segments.length));
				}
				if (attribute != null) {
					throw new InvalidQueryException("'" + segment + "' of '" + current.type()
							+ "' is an attribute, not a relationship: '" + name + "' names no field");
				}
				throw unknown(current, segment);
			}
			if (relationship.toMany()) {
				throw new InvalidQueryException("'" + segment + "' of '" + current.type()
						+ "' is a to-many relationship: filter on its resources with the 'any' operator");
			}
			current = registry.find(relationship.targetClass()).orElseThrow();
		}
		String last = segments[segments.length - 1];
		if (!last.equals("id") && !visibility.readable(current, last)) {
			throw unknown(current, last);
		}
		if (last.equals("id")) {
			return new QueryField(name, Kind.ID, boxed(current.id().javaType()), origin, current, null, name);
		}
		AttributeDescriptor attribute = visibleAttribute(current, last);
		if (attribute != null) {
			if (!attribute.comparable()) {
				throw new InvalidQueryException("'" + last + "' of '" + current.type()
						+ "' is not a single value and cannot be filtered on or computed");
			}
			return new QueryField(name, Kind.ATTRIBUTE, boxed(attribute.javaType()), origin, current, null, name);
		}
		RelationshipDescriptor relationship = current.relationship(last).orElse(null);
		if (relationship == null) {
			throw unknown(current, last);
		}
		if (relationship.toMany()) {
			return new QueryField(name, Kind.TO_MANY, null, origin, current, relationship, name);
		}
		ResourceDescriptor target = registry.find(relationship.targetClass()).orElseThrow();
		return new QueryField(name, Kind.TO_ONE, boxed(target.id().javaType()), origin, current, relationship,
				name + ".id");
	}

	/**
	 * The composite key whose values the field holds: the id of a resource with a composite key,
	 * or a to-one relationship to one.
	 * @param registry the exposed resources
	 * @return the key, or {@code null} when the field holds single values
	 */
	public @Nullable IdDescriptor compositeKey(ResourceRegistry registry) {
		IdDescriptor key = switch (this.kind) {
			case ID -> this.resource.id();
			case TO_ONE -> registry.find(this.relationship.targetClass()).orElseThrow().id();
			default -> null;
		};
		return (key != null && key.composite()) ? key : null;
	}

	/** A member of an {@code @Embedded} attribute ({@code address.city}): a single value like any attribute. */
	private static QueryField embeddedMember(String name, ResourceDescriptor origin, ResourceDescriptor resource,
			AttributeDescriptor attribute, List<String> members) {
		EmbeddedPaths.EmbeddedMember member = EmbeddedPaths.resolve(attribute, members);
		if (member == null) {
			throw new InvalidQueryException("'" + attribute.name() + "' of '" + resource.type()
					+ "' has no member '" + String.join(".", members) + "' holding a single value");
		}
		return new QueryField(name, Kind.ATTRIBUTE, member.type(), origin, resource, null, name);
	}

	private static @Nullable AttributeDescriptor visibleAttribute(ResourceDescriptor resource, String name) {
		// A write-only attribute is never rendered: filtering on it would reveal its values.
		return resource.attribute(name).filter((attribute) -> !attribute.writeOnly()).orElse(null);
	}

	private static InvalidQueryException unknown(ResourceDescriptor resource, String name) {
		return new InvalidQueryException("'" + resource.type() + "' has no attribute or relationship named '" + name + "'");
	}

	private static Class<?> boxed(Class<?> type) {
		return ClassUtils.resolvePrimitiveIfNecessary(type);
	}

	/**
	 * What a field name designates.
	 */
	public enum Kind {

		/** The resource id. */
		ID,

		/** An attribute with a single value. */
		ATTRIBUTE,

		/** A to-one relationship, compared by the related resource's id. */
		TO_ONE,

		/** A to-many relationship, which only the {@code any} operator filters on. */
		TO_MANY

	}

}
