package dev.restless.internal.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Row estimates kept for a while, by query: the first page of a large collection, asked for again
 * and again, then costs its page alone. An estimate lags behind the table anyway (it comes from
 * statistics gathered earlier); a short time to live adds little to that lag.
 * <p>
 * What the key holds is the caller's responsibility: everything that decides which rows the
 * statement reads. At most {@link #CAPACITY} queries are kept, so varied filters cannot grow the
 * number held: a new query past it drops every kept estimate (the frequent queries are estimated
 * again once each), which costs one pass per {@code CAPACITY} new queries where dropping the
 * oldest one would cost a pass, or an ordered structure, for each.
 */
final class RecentEstimates {

	static final int CAPACITY = 256;

	/** About 73 years: longer times to live are as good as forever, and the clock arithmetic stays exact. */
	private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);

	private final Map<Object, Kept> kept = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	RecentEstimates() {
		this(System::nanoTime);
	}

	RecentEstimates(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * @param query the query's key
	 * @return the estimate kept for the query, or empty when none is or it has expired
	 */
	OptionalLong get(Object query) {
		Kept estimate = this.kept.get(query);
		if (estimate == null) {
			return OptionalLong.empty();
		}
		if (estimate.expiredAt(this.nanoTime.getAsLong())) {
			this.kept.remove(query, estimate);
			return OptionalLong.empty();
		}
		return OptionalLong.of(estimate.rows());
	}

	/**
	 * Keep an estimate for a while.
	 * @param query the query's key
	 * @param rows the estimate
	 * @param timeToLive how long it is given again
	 */
	void keep(Object query, long rows, Duration timeToLive) {
		if (this.kept.size() >= CAPACITY && !this.kept.containsKey(query)) {
			this.kept.clear();
		}
		long now = this.nanoTime.getAsLong();
		long nanos = ((timeToLive.compareTo(LONGEST) > 0) ? LONGEST : timeToLive).toNanos();
		this.kept.put(query, new Kept(rows, now + nanos));
	}

	private record Kept(long rows, long until) {

		boolean expiredAt(long now) {
			// a difference, not a comparison: System.nanoTime may be negative and overflow
			return now - this.until >= 0;
		}

	}

}
