package dev.restless.internal.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The functions of the eval endpoint, computed by the database over the filtered rows.
 */
public enum AggregateFunction {

	/** The number of rows, or of non-null values of a field. */
	COUNT,

	/** The sum of a numeric field. */
	SUM,

	/** The average of a numeric field. */
	AVG,

	/** The smallest value of a number, text or date field. */
	MIN,

	/** The largest value of a number, text or date field. */
	MAX;

	/** @return the name clients give */
	public String functionName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A function by the name clients give.
	 * @param name the name, such as {@code avg}
	 * @return the function, or empty
	 */
	public static Optional<AggregateFunction> named(String name) {
		return Arrays.stream(values()).filter((function) -> function.functionName().equals(name)).findFirst();
	}

}
