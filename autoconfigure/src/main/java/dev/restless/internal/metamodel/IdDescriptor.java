package dev.restless.internal.metamodel;

import java.util.Optional;
import java.util.UUID;

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
	 * Convert an id from a URL or a document to the attribute's type. Only the text that
	 * {@link #format(Object)} gives for a number or a UUID is accepted (a UUID in either case):
	 * {@code 07}, {@code +7}, {@code 0x7} or {@code " 7"} would otherwise all name the resource
	 * {@code 7}, and a client-generated {@code 1-1-1-1-1} would be stored under another id.
	 * @param text the id as text
	 * @return the converted id, or empty when it cannot be one (callers answer 404)
	 */
	public Optional<Object> parse(String text) {
		if (text == null || text.isEmpty() || text.indexOf('\0') >= 0) {
			return Optional.empty();
		}
		Object key;
		try {
			key = CONVERSION.convert(text, javaType());
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
		if ((key instanceof Number || key instanceof UUID) && !format(key).equalsIgnoreCase(text)) {
			return Optional.empty();
		}
		return Optional.ofNullable(key);
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
