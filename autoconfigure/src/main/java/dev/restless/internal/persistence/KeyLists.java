package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;

import dev.restless.internal.metamodel.IdComponent;
import dev.restless.internal.metamodel.IdDescriptor;
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

	/** The parameter names, made once: a batch binds one per key on every execution. */
	private static final String[] NAMES = IntStream.range(0, MAX_KEYS).mapToObj((i) -> PREFIX + i)
		.toArray(String[]::new);

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
			query.setParameter(NAMES[i], batch.get(i));
		}
		return query;
	}

	/**
	 * The JPQL expressions of a key: the id attribute, or each component of a composite key.
	 * @param prefix the alias or path the key belongs to, such as {@code e} or {@code m.owner}
	 * @param id the key
	 * @return the expressions, in the order of the key's components
	 */
	static List<String> expressions(String prefix, IdDescriptor id) {
		if (!id.composite()) {
			return List.of(prefix + "." + id.attributeName());
		}
		List<String> expressions = new ArrayList<>(id.components().size());
		for (IdComponent component : id.components()) {
			expressions.add(prefix + "." + component.path());
		}
		return expressions;
	}

	/**
	 * The JPQL condition that a key is one of a batch: {@code e.id in (:key0, :key1)} for a simple
	 * key; for a composite key an {@code OR} of the components' equalities,
	 * {@code ((e.id.a = :key0_0 and e.id.b = :key0_1) or ...)}, which every database runs (row
	 * values in {@code IN} lists are not portable through JPQL).
	 * @param prefix the alias or path the key belongs to
	 * @param id the key
	 * @param size the batch length
	 * @return the JPQL text
	 */
	static String condition(String prefix, IdDescriptor id, int size) {
		List<String> expressions = expressions(prefix, id);
		if (!id.composite()) {
			return expressions.get(0) + " in " + parameters(size);
		}
		StringJoiner keys = new StringJoiner(" or ", "(", ")");
		for (int i = 0; i < size; i++) {
			StringJoiner components = new StringJoiner(" and ", "(", ")");
			for (int c = 0; c < expressions.size(); c++) {
				components.add(expressions.get(c) + " = :" + PREFIX + i + "_" + c);
			}
			keys.add(components.toString());
		}
		return keys.toString();
	}

	/**
	 * Bind a batch to the parameters written by {@link #condition(String, IdDescriptor, int)}.
	 * @param <Q> the query type
	 * @param query the query
	 * @param batch the padded batch
	 * @param id the key
	 * @return the query
	 */
	static <Q extends Query> Q bind(Q query, List<Object> batch, IdDescriptor id) {
		if (!id.composite()) {
			return bind(query, batch);
		}
		for (int i = 0; i < batch.size(); i++) {
			List<Object> values = id.values(batch.get(i));
			for (int c = 0; c < values.size(); c++) {
				query.setParameter(PREFIX + i + "_" + c, values.get(c));
			}
		}
		return query;
	}

	/**
	 * Read a key from the columns of a result row that selected its {@link #expressions}.
	 * @param row the row
	 * @param from the index of the key's first column
	 * @param id the key
	 * @return the key
	 */
	static Object read(Object[] row, int from, IdDescriptor id) {
		if (!id.composite()) {
			return row[from];
		}
		return id.compose(Arrays.asList(row).subList(from, from + id.components().size()));
	}

}
