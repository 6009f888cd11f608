package dev.restless.internal.persistence;

/**
 * The number of resources matching a query over all its pages: counted, or estimated by the
 * database.
 *
 * @param value the number
 * @param estimated whether it is the database planner's estimate rather than a count
 */
public record PageTotal(long value, boolean estimated) {

	/**
	 * @param value a counted number of resources
	 * @return the exact total
	 */
	public static PageTotal exact(long value) {
		return new PageTotal(value, false);
	}

	/**
	 * @param value the database's estimate
	 * @return the estimated total
	 */
	public static PageTotal estimated(long value) {
		return new PageTotal(value, true);
	}

}
