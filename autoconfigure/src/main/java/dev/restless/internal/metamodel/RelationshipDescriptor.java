package dev.restless.internal.metamodel;

import org.jspecify.annotations.Nullable;

/**
 * An exposed relationship of a resource: an association with another exposed entity.
 *
 * @param name the member name in {@code relationships}
 * @param attributeName the JPA attribute name, used in queries
 * @param toMany whether the relationship is a collection
 * @param targetClass the entity class on the other side
 * @param inverseAttributeName the attribute on the other side of a bidirectional association, or
 * {@code null}
 * @param accessor reads and writes the value (an entity or a collection of entities)
 * @param ownedByInverse whether the other side owns the association (this side names it in
 * {@code mappedBy}): a change reaches the database only when the other side is changed too
 */
public record RelationshipDescriptor(String name, String attributeName, boolean toMany, Class<?> targetClass,
		@Nullable String inverseAttributeName, PropertyAccessor accessor, boolean ownedByInverse) {

	/**
	 * Create a relationship whose association this side owns (or that has no other side).
	 * @param name the member name in {@code relationships}
	 * @param attributeName the JPA attribute name
	 * @param toMany whether the relationship is a collection
	 * @param targetClass the entity class on the other side
	 * @param inverseAttributeName the attribute on the other side, or {@code null}
	 * @param accessor reads and writes the value
	 */
	public RelationshipDescriptor(String name, String attributeName, boolean toMany, Class<?> targetClass,
			@Nullable String inverseAttributeName, PropertyAccessor accessor) {
		this(name, attributeName, toMany, targetClass, inverseAttributeName, accessor, false);
	}

}
