package dev.restless.internal.metamodel;

/**
 * An exposed attribute of a resource.
 *
 * @param name the member name in {@code attributes} (the Jackson name when renamed)
 * @param attributeName the JPA attribute name, used in queries
 * @param accessor reads and writes the value
 * @param readOnly whether clients may never write it
 * @param updatable whether clients may change it after creation
 * @param writeOnly whether it is accepted on writes but never rendered
 * @param comparable whether it can be sorted on and compared in filters
 */
public record AttributeDescriptor(String name, String attributeName, PropertyAccessor accessor, boolean readOnly,
		boolean updatable, boolean writeOnly, boolean comparable) {

	/** @return the Java type of the attribute */
	public Class<?> javaType() {
		return this.accessor.type();
	}

}
