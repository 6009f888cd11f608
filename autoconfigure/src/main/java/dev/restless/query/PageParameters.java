package dev.restless.query;

import dev.restless.Total;
import org.jspecify.annotations.Nullable;

/**
 * The requested page. Offset pagination ({@code page[number]} from 1 and {@code page[size]}) is
 * the default; {@code page[offset]} (from 0) and {@code page[limit]} ask for the same kind of page
 * starting at any row; cursor pagination ({@code page[after]}, {@code page[before]}) follows the
 * JSON:API cursor pagination profile.
 *
 * @param number the page number, from 1 (offset pagination)
 * @param size the page size, from 1 to the resource's maximum
 * @param cursor whether the page is a cursor page (also without a cursor: the first cursor page)
 * @param after the cursor the page starts after, or {@code null}
 * @param before the cursor the page ends before, or {@code null}
 * @param total what to say about the number of matching resources ({@code page[total]}), or
 * {@code null} for the default: the resource's for offset pages, none for cursor pages
 * @param startOffset the index of the first row when the page was asked for with
 * {@code page[offset]} and {@code page[limit]}, or {@code null} for a numbered or cursor page
 */
public record PageParameters(int number, int size, boolean cursor, @Nullable String after, @Nullable String before,
		@Nullable Total total, @Nullable Long startOffset) {

	/**
	 * A numbered or cursor page.
	 * @param number the page number, from 1
	 * @param size the page size
	 * @param cursor whether the page is a cursor page
	 * @param after the cursor the page starts after, or {@code null}
	 * @param before the cursor the page ends before, or {@code null}
	 * @param total what to say about the number of matching resources, or {@code null} for the default
	 */
	public PageParameters(int number, int size, boolean cursor, @Nullable String after, @Nullable String before,
			@Nullable Total total) {
		this(number, size, cursor, after, before, total, null);
	}

	/**
	 * An offset page with the resource's default for the total.
	 * @param number the page number, from 1
	 * @param size the page size
	 */
	public PageParameters(int number, int size) {
		this(number, size, false, null, null, null);
	}

	/**
	 * An offset page asked for with {@code page[offset]} and {@code page[limit]}.
	 * @param offset the index of the first row, from 0
	 * @param limit the page size
	 * @param total what to say about the number of matching resources, or {@code null} for the default
	 * @return the page
	 */
	public static PageParameters ofOffset(long offset, int limit, @Nullable Total total) {
		return new PageParameters((int) Math.min(Integer.MAX_VALUE, offset / limit + 1), limit, false, null, null,
				total, offset);
	}

	/** @return the index of the first row of an offset page */
	public long offset() {
		return (this.startOffset != null) ? this.startOffset : (long) (this.number - 1) * this.size;
	}

	/** @return whether the client asked for this page with {@code page[offset]} and {@code page[limit]} */
	public boolean offsetAndLimit() {
		return this.startOffset != null;
	}

	/** @return this page as a cursor page */
	public PageParameters asCursorPage() {
		return new PageParameters(1, this.size, true, this.after, this.before, this.total);
	}

}
