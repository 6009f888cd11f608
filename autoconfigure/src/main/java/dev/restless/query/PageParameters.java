package dev.restless.query;

import org.jspecify.annotations.Nullable;

/**
 * The requested page. Offset pagination ({@code page[number]} from 1 and {@code page[size]}) is
 * the default; cursor pagination ({@code page[after]}, {@code page[before]}) follows the JSON:API
 * cursor pagination profile.
 *
 * @param number the page number, from 1 (offset pagination)
 * @param size the page size, from 1 to the resource's maximum
 * @param cursor whether the page is a cursor page (also without a cursor: the first cursor page)
 * @param after the cursor the page starts after, or {@code null}
 * @param before the cursor the page ends before, or {@code null}
 * @param total whether to count the matching resources ({@code page[total]}), or {@code null} for
 * the resource's default
 */
public record PageParameters(int number, int size, boolean cursor, @Nullable String after, @Nullable String before,
		@Nullable Boolean total) {

	/**
	 * An offset page with the resource's default for the total.
	 * @param number the page number, from 1
	 * @param size the page size
	 */
	public PageParameters(int number, int size) {
		this(number, size, false, null, null, null);
	}

	/** @return the index of the first row of an offset page */
	public long offset() {
		return (long) (this.number - 1) * this.size;
	}

	/** @return this page as a cursor page */
	public PageParameters asCursorPage() {
		return new PageParameters(1, this.size, true, this.after, this.before, this.total);
	}

}
