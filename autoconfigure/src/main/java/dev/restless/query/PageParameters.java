package dev.restless.query;

/**
 * The requested page: offset pagination with {@code page[number]} (from 1) and
 * {@code page[size]}.
 *
 * @param number the page number, from 1
 * @param size the page size, from 1 to the resource's maximum
 */
public record PageParameters(int number, int size) {

	/** @return the index of the first row of the page */
	public long offset() {
		return (long) (this.number - 1) * this.size;
	}

}
