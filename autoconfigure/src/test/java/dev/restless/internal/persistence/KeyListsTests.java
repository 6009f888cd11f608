package dev.restless.internal.persistence;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyListsTests {

	@Test
	void batchesArePaddedToTheNextPowerOfTwoWithTheirLastKey() {
		List<List<Object>> batches = KeyLists.batches(List.of(7L, 8L, 9L));

		assertThat(batches).containsExactly(List.of(7L, 8L, 9L, 9L));
	}

	@Test
	void aBatchWhoseLengthIsAPowerOfTwoIsNotPadded() {
		assertThat(KeyLists.batches(List.of(1L, 2L))).containsExactly(List.of(1L, 2L));
		assertThat(KeyLists.paddedSize(1)).isEqualTo(1);
		assertThat(KeyLists.paddedSize(16)).isEqualTo(16);
	}

	@Test
	void paddingNeverExceedsTheMaximumBatch() {
		assertThat(KeyLists.paddedSize(20)).isEqualTo(32);
		assertThat(KeyLists.paddedSize(513)).isEqualTo(KeyLists.MAX_KEYS);
		assertThat(KeyLists.paddedSize(KeyLists.MAX_KEYS)).isEqualTo(KeyLists.MAX_KEYS);
	}

	@Test
	void keysBeyondTheMaximumBatchGoToFurtherBatches() {
		List<Integer> keys = IntStream.rangeClosed(1, KeyLists.MAX_KEYS + 3).boxed().toList();

		List<List<Object>> batches = KeyLists.batches(keys);

		assertThat(batches).hasSize(2);
		assertThat(batches.get(0)).hasSize(KeyLists.MAX_KEYS).startsWith(1).endsWith(KeyLists.MAX_KEYS);
		assertThat(batches.get(1)).containsExactly(1001, 1002, 1003, 1003);
	}

	@Test
	void repeatedKeysAreSentOnce() {
		assertThat(KeyLists.batches(List.of(5L, 5L, 6L, 5L))).containsExactly(List.of(5L, 6L));
	}

	@Test
	void noKeysMakeNoBatch() {
		assertThat(KeyLists.batches(List.of())).isEmpty();
	}

	@Test
	void parametersAreNamedByPosition() {
		assertThat(KeyLists.parameters(1)).isEqualTo("(:key0)");
		assertThat(KeyLists.parameters(3)).isEqualTo("(:key0, :key1, :key2)");
	}

}
