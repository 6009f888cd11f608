package dev.restless;

/**
 * What a collection page says about the number of matching resources in all pages
 * ({@code meta.total}): counted exactly, estimated by the database for large results, or left out.
 * A resource chooses the default for its offset pages ({@link ExposedResource#total()}); a client
 * chooses per request with {@code page[total]=exact}, {@code estimated} or {@code none}.
 */
public enum Total {

	/**
	 * Counted exactly with a {@code COUNT} statement, unless the page itself shows the total (a
	 * last page).
	 */
	EXACT,

	/**
	 * The database planner's estimate when it is at least the resource's estimated-total threshold
	 * (marked with {@code meta.totalEstimated: true}, and without a {@code last} link), counted
	 * exactly below it. The estimate is one {@code EXPLAIN} of the page's query: on a large table
	 * it costs a small fraction of a {@code COUNT}, and it can be off, by the planner's statistics,
	 * in either direction. PostgreSQL and MariaDB give estimates; on other databases, and for
	 * callers whose rows a row scope restricts, the total is exact.
	 */
	ESTIMATED,

	/** Left out: no {@code meta.total} and no {@code last} link, and no statement spent on it. */
	NONE

}
