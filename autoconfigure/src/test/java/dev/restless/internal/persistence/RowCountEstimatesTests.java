package dev.restless.internal.persistence;

import java.time.Duration;
import java.util.OptionalLong;

import dev.restless.internal.persistence.RowCountEstimates.Explain;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.jdbc.ReturningWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Where each database's JSON plan holds the estimated number of rows of the whole statement, and
 * when an estimate is given again instead of explaining the statement.
 */
class RowCountEstimatesTests {

	private static final String PLAN = "[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Plan Rows\": 100000}}]";

	private static final Duration KEPT = Duration.ofHours(1);

	private final Session session = mock(Session.class);

	private final SharedSessionContractImplementor implementor = mock(SharedSessionContractImplementor.class,
			Answers.RETURNS_DEEP_STUBS);

	private RowCountEstimates estimates;

	@SuppressWarnings("unchecked")
	private final CriteriaQuery<String> criteria = mock(CriteriaQuery.class);

	@BeforeEach
	void session() {
		EntityManager entityManager = mock(EntityManager.class);
		SessionFactoryImplementor factory = mock(SessionFactoryImplementor.class, Answers.RETURNS_DEEP_STUBS);
		when(entityManager.unwrap(Session.class)).thenReturn(this.session);
		when(this.session.getFactory()).thenReturn(factory);
		when(factory.unwrap(SessionFactoryImplementor.class)).thenReturn(factory);
		when(factory.getJdbcServices().getDialect()).thenReturn(new PostgreSQLDialect());
		when(this.session.unwrap(SharedSessionContractImplementor.class)).thenReturn(this.implementor);
		when(this.implementor.getLoadQueryInfluencers().hasEnabledFilters()).thenReturn(false);
		when(this.session.doReturningWork(any())).thenReturn(PLAN);
		this.estimates = new RowCountEstimates(entityManager);
	}

	private OptionalLong estimate(Object sameQuery) {
		return this.estimates.estimate(() -> this.criteria, sameQuery, KEPT);
	}

	private void assertExplained(int times) {
		verify(this.session, times(times)).doReturningWork(any(ReturningWork.class));
	}

	@Test
	void theSameQueryOfTheSameTenantIsExplainedOnceAndItsEstimateGivenAgain() {
		when(this.session.getTenantIdentifierValue()).thenReturn("north");

		assertThat(estimate("people")).hasValue(100000);
		assertThat(estimate("people")).hasValue(100000);
		assertExplained(1);
	}

	@Test
	void anotherTenantsQueryIsExplainedForItself() {
		when(this.session.getTenantIdentifierValue()).thenReturn("north", "south", "north");

		estimate("people");
		estimate("people");
		assertExplained(2);
		estimate("people");
		assertExplained(2);
	}

	@Test
	void anotherQueryOrNoneIsExplainedEveryTime() {
		estimate("people");
		estimate("computers");
		estimate(null);
		estimate(null);

		assertExplained(4);
	}

	@Test
	void aSessionWithFiltersEnabledNeitherExplainsNorIsGivenAKeptEstimate() {
		estimate("people");
		when(this.implementor.getLoadQueryInfluencers().hasEnabledFilters()).thenReturn(true);

		assertThat(estimate("people")).isEmpty();
		assertExplained(1);
	}

	@Test
	void postgresqlEstimatesTheRowsOfTheTopNodeOfThePlan() {
		String plan = """
				[{"Plan": {"Node Type": "Gather", "Plan Rows": 99871, "Plans": [
				  {"Node Type": "Seq Scan", "Parallel Aware": true, "Plan Rows": 41613}]}}]""";

		assertThat(Explain.POSTGRESQL.rows(plan)).hasValue(99871);
	}

	@Test
	void postgresqlReadsTheTopNodesEstimateWhereverItStandsAmongItsMembers() {
		String childrenFirst = """
				[{"Plan": {"Node Type": "Hash Join", "Plans": [
				  {"Node Type": "Seq Scan", "Plan Rows": 300000, "Plans": [{"Plan Rows": 7}]},
				  {"Node Type": "Hash", "Plan Rows": 100000}],
				  "Output": ["a", {"Plan Rows": 3}], "Plan Rows": 150000}, "Planning": {"Plan Rows": 1}}]""";

		assertThat(Explain.POSTGRESQL.rows(childrenFirst)).hasValue(150000);
	}

	@Test
	void mariadbMultipliesTheRowsEachTableOfTheTopBlockReadsByTheShareItKeeps() {
		String single = """
				{"query_block": {"select_id": 1, "table": {"table_name": "person", "access_type": "ALL",
				  "rows": 100000, "filtered": 40}}}""";
		String joined = """
				{"query_block": {"select_id": 1, "nested_loop": [
				  {"table": {"table_name": "computer", "rows": 300000, "filtered": 50}},
				  {"table": {"table_name": "person", "access_type": "eq_ref", "rows": 1, "filtered": 100}}]}}""";

		assertThat(Explain.MARIADB.rows(single)).hasValue(40000);
		assertThat(Explain.MARIADB.rows(joined)).hasValue(150000);
	}

	@Test
	void aPlanWithoutAnEstimateGivesNone() {
		assertThat(Explain.POSTGRESQL.rows("[{\"Plan\": {}}]")).isEmpty();
		assertThat(Explain.MARIADB.rows("{\"query_block\": {\"message\": \"Impossible WHERE\"}}")).isEmpty();
		assertThat(Explain.POSTGRESQL.rows("not json")).isEmpty();
		assertThat(Explain.POSTGRESQL.rows("[{\"Plan\": {\"Plan Rows\": \"many\"}}]")).isEmpty();
		assertThat(Explain.POSTGRESQL.rows("[{\"Plan\": [1], \"Plan Rows\": 5}]")).isEmpty();
		assertThat(Explain.POSTGRESQL.rows("{\"Plan\": {\"Plan Rows\": 5}}")).isEmpty();
		assertThat(Explain.POSTGRESQL.rows("[{\"Plan\": {\"Plan Rows\": ")).isEmpty();
	}

}
