package dev.restless.internal.persistence;

import java.util.List;
import java.util.stream.IntStream;

import dev.restless.internal.metamodel.IdComponent;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.PropertyAccessor;

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

	@Test
	void compositeKeysAreMatchedWithAnOrOfTheirComponentsEqualities() {
		IdDescriptor id = new IdDescriptor("id", null, true, false,
				List.of(new IdComponent("code", "id.code", PropertyAccessor.of(Key.class, "code", null), null),
						new IdComponent("number", "id.number", PropertyAccessor.of(Key.class, "number", null), null)),
				Key.class);

		assertThat(KeyLists.condition("e", id, 2)).isEqualTo(
				"((e.id.code = :key0_0 and e.id.number = :key0_1) or (e.id.code = :key1_0 and e.id.number = :key1_1))");
		assertThat(KeyLists.expressions("m.owner", id)).containsExactly("m.owner.id.code", "m.owner.id.number");
		assertThat(KeyLists.read(new Object[] { 9L, "A", 7 }, 1, id)).isInstanceOfSatisfying(Key.class,
				(key) -> assertThat(key.code + key.number).isEqualTo("A7"));
	}

	@Test
	void simpleKeysKeepTheirInList() {
		IdDescriptor id = new IdDescriptor("id", PropertyAccessor.of(Key.class, "number", null), true, false);

		assertThat(KeyLists.condition("p", id, 2)).isEqualTo("p.id in (:key0, :key1)");
	}

	static class Key {

		private String code;

		private Integer number;

	}

}
