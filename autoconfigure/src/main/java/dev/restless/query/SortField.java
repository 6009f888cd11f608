package dev.restless.query;

/**
 * One key of the {@code sort} parameter.
 *
 * @param path an attribute name, or {@code relation.attribute} for an attribute of a to-one
 * relation
 * @param descending whether the order is descending ({@code -} prefix)
 */
public record SortField(String path, boolean descending) {

	/**
	 * Parse one comma-separated key of the {@code sort} parameter.
	 * @param key the key, such as {@code -name}
	 * @return the sort field
	 */
	public static SortField parse(String key) {
		return key.startsWith("-") ? new SortField(key.substring(1), true) : new SortField(key, false);
	}

	@Override
	public String toString() {
		return (this.descending ? "-" : "") + this.path;
	}

}
