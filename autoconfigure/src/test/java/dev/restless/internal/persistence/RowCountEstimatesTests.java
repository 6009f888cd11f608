package dev.restless.internal.persistence;

import dev.restless.internal.persistence.RowCountEstimates.Explain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each database's JSON plan holds the estimated number of rows of the whole statement.
 */
class RowCountEstimatesTests {

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
