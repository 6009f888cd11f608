package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;

import jakarta.persistence.Query;

/**
 * IN lists of keys written as one named parameter per key, padded to a few fixed lengths.
 *
 * <p>
 * Hibernate cannot cache the SQL translation of a query bound to a collection-valued
 * parameter ({@code in :keys}): it translates the query again on every execution, which
 * costs more than running it for the short lists of a page. With one scalar parameter per
 * key the translation is cached, and padding a batch to the next power of two (by repeating
 * its last key, which does not change the rows selected) bounds the number of distinct
 * queries per relationship to a dozen.
 */
final class KeyLists {

	/** Keys per IN list; larger batches are split so no database hits its parameter limit. */
	static final int MAX_KEYS = 1000;

	private static final String PREFIX = "key";

	private KeyLists() {
	}

	/**
	 * Split keys into batches of at most {@value #MAX_KEYS}, each padded to its
	 * {@linkplain #paddedSize(int) padded size}. Repeated keys are sent once.
	 * @param keys the keys
	 * @return the padded batches
	 */
	static List<List<Object>> batches(Collection<?> keys) {
		List<?> all = List.copyOf(new LinkedHashSet<>(keys));
		List<List<Object>> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += MAX_KEYS) {
			List<Object> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + MAX_KEYS)));
			Object last = batch.get(batch.size() - 1);
			for (int padded = paddedSize(batch.size()); batch.size() < padded;) {
				batch.add(last);
			}
			batches.add(batch);
		}
		return batches;
	}

	/**
	 * The length a batch of keys is padded to: the next power of two, at most
	 * {@value #MAX_KEYS}.
	 * @param keys the number of keys, at least one
	 * @return the padded length
	 */
	static int paddedSize(int keys) {
		int size = Integer.highestOneBit(keys);
		return Math.min(MAX_KEYS, (size == keys) ? size : size << 1);
	}

	/**
	 * The parenthesised parameter list for a batch of the given length, for example
	 * {@code (:key0, :key1)}.
	 * @param size the batch length
	 * @return the JPQL text
	 */
	static String parameters(int size) {
		StringJoiner list = new StringJoiner(", ", "(", ")");
		for (int i = 0; i < size; i++) {
			list.add(":" + PREFIX + i);
		}
		return list.toString();
	}

	/**
	 * Bind a batch to the parameters written by {@link #parameters(int)}.
	 * @param <Q> the query type
	 * @param query the query
	 * @param batch the padded batch
	 * @return the query
	 */
	static <Q extends Query> Q bind(Q query, List<Object> batch) {
		for (int i = 0; i < batch.size(); i++) {
			query.setParameter(PREFIX + i, batch.get(i));
		}
		return query;
	}

}
