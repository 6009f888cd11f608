package dev.restless.internal.precondition;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EntityTagTest {

	private final EntityTag current = EntityTag.strong("counters/1/3");

	@Test
	void aStarMatchesAnyCurrentRepresentation() {
		EntityTag.Condition star = EntityTag.parseCondition(" * ");

		assertThat(star.any()).isTrue();
		assertThat(star.matchesStrongly(this.current)).isTrue();
		assertThat(star.matchesWeakly(null)).isTrue();
	}

	@Test
	void aListIsParsedWithWeakTagsAndSpaces() {
		EntityTag.Condition condition = EntityTag.parseCondition("\"a\" , W/\"b\",\"counters/1/3\"");

		assertThat(condition.tags()).containsExactly(EntityTag.strong("a"), new EntityTag("b", true),
				EntityTag.strong("counters/1/3"));
	}

	@Test
	void ifMatchComparesStronglyAndIfNoneMatchWeakly() {
		EntityTag.Condition weak = EntityTag.parseCondition("W/\"counters/1/3\"");
		EntityTag.Condition strong = EntityTag.parseCondition("\"counters/1/3\"");
		EntityTag.Condition other = EntityTag.parseCondition("\"counters/1/2\"");

		assertThat(weak.matchesStrongly(this.current)).isFalse();
		assertThat(weak.matchesWeakly(this.current)).isTrue();
		assertThat(strong.matchesStrongly(this.current)).isTrue();
		assertThat(other.matchesStrongly(this.current)).isFalse();
		assertThat(other.matchesWeakly(this.current)).isFalse();
		assertThat(strong.matchesStrongly(null)).as("a resource without a tag").isFalse();
	}

	@Test
	void aTagIsWrittenInQuotes() {
		assertThat(this.current.format()).isEqualTo("\"counters/1/3\"");
		assertThat(new EntityTag("x", true).format()).isEqualTo("W/\"x\"");
	}

	@Test
	void malformedValuesAreRefused() {
		for (String value : List.of("abc", "\"unclosed", "\"a\" \"b\"", "", " , ", "\"a b\"", "W/abc")) {
			assertThatIllegalArgumentException().as(value).isThrownBy(() -> EntityTag.parseCondition(value));
		}
	}

}
