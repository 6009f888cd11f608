package dev.restless.metamodel;

import java.util.Optional;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * The attribute that identifies a resource in URLs and as its JSON:API {@code id}.
 *
 * @param attributeName the JPA attribute name
 * @param accessor reads and writes the value
 * @param entityId whether the attribute is the entity's {@code @Id} (otherwise a unique
 * {@code primaryKey} attribute)
 * @param generated whether the database or the JPA provider generates the value
 */
public record IdDescriptor(String attributeName, PropertyAccessor accessor, boolean entityId, boolean generated) {

	private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

	/** @return the Java type of the id */
	public Class<?> javaType() {
		return this.accessor.type();
	}

	/**
	 * Convert an id from a URL or a document to the attribute's type.
	 * @param text the id as text
	 * @return the converted id, or empty when it cannot be one (callers answer 404)
	 */
	public Optional<Object> parse(String text) {
		if (text == null || text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(CONVERSION.convert(text, javaType()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Render an id as the string JSON:API requires.
	 * @param id the id value
	 * @return its text
	 */
	public String format(Object id) {
		return (id != null) ? String.valueOf(id) : null;
	}

}
