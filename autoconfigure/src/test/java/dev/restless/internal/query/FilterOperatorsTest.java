package dev.restless.internal.query;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.query.Filter;
import dev.restless.query.FilterOperator;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FilterOperatorsTest {

	private static FilterOperator named(String name, String... aliases) {
		return new FilterOperator() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Set<String> aliases() {
				return Set.of(aliases);
			}

			@Override
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
				return null;
			}

			@Override
			public String toString() {
				return "operator " + name;
			}

		};
	}

	@Test
	void builtInOperatorsAnswerToFlaskRestlessNamesAndAliases() {
		FilterOperators operators = FilterOperators.builtIn(TextMatching.NATIVE);

		assertThat(operators.names()).containsExactlyInAnyOrder("is_null", "is_not_null", "==", "eq", "equals",
				"equal_to", "!=", "ne", "neq", "not_equal_to", "does_not_equal", ">", "gt", "<", "lt", ">=", "ge",
				"gte", "geq", "<=", "le", "lte", "leq", "in", "not_in", "like", "ilike", "not_like", "has", "any");
		assertThat(operators.find("gte")).containsSame(operators.find(">=").orElseThrow());
		assertThat(operators.find("has")).isEmpty();
		assertThat(operators.find("eq").orElseThrow().comparesFields()).isTrue();
		assertThat(operators.find("in").orElseThrow().argument()).isEqualTo(FilterOperator.Argument.VALUES);
		assertThat(operators.find("is_null").orElseThrow().argument()).isEqualTo(FilterOperator.Argument.NONE);
	}

	@Test
	void filtersAreBuiltInOnlyWhereNoOperatorOfTheApplicationAppearsAtAnyDepth() {
		FilterOperators operators = new FilterOperators(List.of(named("mine"), named("eq")), TextMatching.NATIVE);
		Filter builtIn = new Filter.Comparison("age", "gt", 3);
		Filter mine = new Filter.Unary("owner", "mine");
		Filter replacedBuiltIn = new Filter.Comparison("age", "eq", 3);

		assertThat(operators.builtInOnly(List.of())).isTrue();
		assertThat(operators.builtInOnly(List.of(builtIn, new Filter.FieldComparison("a", "lt", "b"),
				new Filter.Not(new Filter.Or(List.of(builtIn, new Filter.Unary("name", "is_null"))))))).isTrue();
		assertThat(operators.builtInOnly(List.of(builtIn, mine))).isFalse();
		assertThat(operators.builtInOnly(List.of(replacedBuiltIn))).isFalse();
		assertThat(operators.builtInOnly(List.of(new Filter.Related("computers", "any",
				new Filter.And(List.of(builtIn, new Filter.Not(mine))))))).isFalse();
		assertThat(operators.builtInOnly(List.of(new Filter.FieldComparison("a", "mine", "b")))).isFalse();
	}

	@Test
	void builtInOperatorsApplyOnlyWhereTheyMeanTheSameOnEveryDatabase() {
		FilterOperators operators = FilterOperators.builtIn(TextMatching.NATIVE);

		assertThat(operators.find("like").orElseThrow().appliesTo(String.class)).isTrue();
		assertThat(operators.find("ilike").orElseThrow().appliesTo(Integer.class)).isFalse();
		assertThat(operators.find("<").orElseThrow().appliesTo(java.time.LocalDate.class)).isTrue();
		assertThat(operators.find("<").orElseThrow().appliesTo(Boolean.class)).isFalse();
		assertThat(operators.find("<").orElseThrow().appliesTo(java.util.UUID.class)).isFalse();
		assertThat(operators.find("==").orElseThrow().appliesTo(Boolean.class)).isTrue();
	}

	@Test
	void anApplicationOperatorReplacesOnlyTheNamesItClaims() {
		FilterOperator equalTo = named("equal_to");
		FilterOperator custom = named("near", "close_to");

		FilterOperators operators = new FilterOperators(List.of(equalTo, custom), TextMatching.NATIVE);

		assertThat(operators.find("equal_to")).containsSame(equalTo);
		assertThat(operators.find("eq").orElseThrow()).isNotSameAs(equalTo).isSameAs(operators.find("==").orElseThrow());
		assertThat(operators.find("close_to")).containsSame(custom);
		assertThat(operators.names()).contains("near", "close_to", "eq");
	}

	@Test
	void twoApplicationOperatorsCannotClaimTheSameName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new FilterOperators(List.of(named("near"), named("close", "near")), TextMatching.NATIVE))
			.withMessageContaining("both named 'near'")
			// reported at start-up by the failure analyzer of configuration errors, with what to do
			.isInstanceOf(InvalidResourceConfigurationException.class)
			.satisfies((failure) -> assertThat(((InvalidResourceConfigurationException) failure).action())
				.contains("a name and aliases of its own"));
	}

	@Test
	void relationshipOperatorNamesAndBlankNamesAreRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new FilterOperators(List.of(named("any")), TextMatching.NATIVE))
			.withMessageContaining("reserved for relationship filters");
		assertThatIllegalStateException()
			.isThrownBy(() -> new FilterOperators(List.of(named("ok", " ")), TextMatching.NATIVE))
			.withMessageContaining("blank name");
	}

	@Test
	void escapeLikeMakesATextMatchItself() {
		assertThat(FilterOperator.escapeLike("50%_off\\now")).isEqualTo("50\\%\\_off\\\\now");
	}

}
