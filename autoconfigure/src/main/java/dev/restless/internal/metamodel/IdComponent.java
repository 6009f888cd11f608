package dev.restless.internal.metamodel;

import org.jspecify.annotations.Nullable;

/**
 * One attribute of a composite key: a field of an {@code @EmbeddedId} class or of an
 * {@code @IdClass}.
 *
 * @param name the attribute name in the key class
 * @param path the JPA path of the value from the entity, dotted for an embedded id
 * ({@code id.libraryCode}), the attribute name for an {@code @IdClass} ({@code libraryCode})
 * @param keyAccessor reads and writes the value on an instance of the key class
 * @param entityAccessor reads and writes the value on the entity, for an {@code @IdClass} (whose
 * key attributes are attributes of the entity); {@code null} for an embedded id
 */
public record IdComponent(String name, String path, PropertyAccessor keyAccessor,
		@Nullable PropertyAccessor entityAccessor) {

	/** @return the Java type of the value */
	public Class<?> type() {
		return this.keyAccessor.type();
	}

}
