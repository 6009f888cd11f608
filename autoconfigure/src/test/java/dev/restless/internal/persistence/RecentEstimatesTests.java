package dev.restless.internal.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Estimates kept for their time to live, by query, and never more of them than the capacity.
 */
class RecentEstimatesTests {

	/** Starts near the end of the range: {@code System.nanoTime} may be anywhere in it. */
	private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 1_000);

	private final RecentEstimates recent = new RecentEstimates(this.now::get);

	@Test
	void anEstimateIsGivenAgainForTheSameQueryUntilItsTimeToLiveHasPassed() {
		this.recent.keep(List.of("people", "filters"), 100_000, Duration.ofNanos(5_000));

		this.now.addAndGet(4_999);
		assertThat(this.recent.get(List.of("people", "filters"))).hasValue(100_000);
		this.now.addAndGet(1);
		assertThat(this.recent.get(List.of("people", "filters"))).isEmpty();
	}

	@Test
	void anotherQueryHasNoEstimateOfItsOwn() {
		this.recent.keep(List.of("people", "filters"), 100_000, Duration.ofSeconds(1));

		assertThat(this.recent.get(List.of("people", "other filters"))).isEmpty();
		assertThat(this.recent.get(List.of("computers", "filters"))).isEmpty();
	}

	@Test
	void aNewerEstimateOfTheSameQueryReplacesTheOlderOne() {
		this.recent.keep("people", 100_000, Duration.ofSeconds(1));
		this.recent.keep("people", 120_000, Duration.ofSeconds(1));

		assertThat(this.recent.get("people")).hasValue(120_000);
	}

	@Test
	void aTimeToLiveBeyondTheClocksRangeKeepsTheEstimateInsteadOfExpiringItAtOnce() {
		this.recent.keep("people", 100_000, Duration.ofDays(365L * 1_000_000));

		this.now.addAndGet(Duration.ofDays(365L * 50).toNanos());
		assertThat(this.recent.get("people")).hasValue(100_000);
	}

	@Test
	void aNewQueryPastTheCapacityDropsTheKeptEstimatesAndIsKeptItself() {
		for (int query = 0; query < RecentEstimates.CAPACITY; query++) {
			this.recent.keep(query, query, Duration.ofSeconds(1));
		}
		this.recent.keep(0, 1, Duration.ofSeconds(1));
		assertThat(this.recent.get(0)).as("a query already kept is renewed in place").hasValue(1);
		assertThat(this.recent.get(RecentEstimates.CAPACITY - 1)).hasValue(RecentEstimates.CAPACITY - 1);

		this.recent.keep("one too many", 7, Duration.ofSeconds(1));

		assertThat(this.recent.get("one too many")).hasValue(7);
		assertThat(this.recent.get(0)).isEmpty();
		assertThat(this.recent.get(RecentEstimates.CAPACITY - 1)).isEmpty();
	}

}
