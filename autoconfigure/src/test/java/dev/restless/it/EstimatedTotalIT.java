package dev.restless.it;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Measurement;
import dev.restless.it.app.SessionFilters;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.Queries;
import dev.restless.it.support.SqlStatementCounter;
import dev.restless.it.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code page[total]=estimated}: the database planner's estimate instead of a {@code COUNT} for
 * large results, marked as an estimate, exact below the threshold and on databases that give no
 * estimate. The test application's computers report estimates from 100 rows on.
 */
class EstimatedTotalIT extends ApiIntegrationTest {

	private static final int COMPUTERS = 300;

	private final List<Long> ids = new ArrayList<>();

	@BeforeEach
	void computers() {
		List<Computer> computers = new ArrayList<>();
		for (int index = 0; index < COMPUTERS; index++) {
			Computer computer = new Computer();
			computer.setName("computer " + index);
			computers.add(computer);
		}
		this.fixtures.persist(computers.toArray());
		computers.forEach((computer) -> this.ids.add(computer.getId()));
		this.fixtures.analyze("computer");
		SqlStatementCounter.reset();
	}

	private ApiResponse get(String path) {
		ApiResponse response = this.api.get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

	private static boolean estimates() {
		return TestDatabase.current() != TestDatabase.H2;
	}

	private static long countStatements() {
		return SqlStatementCounter.statements().stream().filter((sql) -> sql.toLowerCase().contains("count(")).count();
	}

	@Test
	void aLargeResultGetsThePlannersEstimateMarkedAsOneInsteadOfACount() {
		ApiResponse page = get("/api/computers?page[size]=5&page[total]=estimated");

		assertThat(page.at("/data").size()).isEqualTo(5);
		if (!estimates()) {
			assertThat(page.at("/meta/total").asLong()).isEqualTo(COMPUTERS);
			assertThat(page.at("/meta/totalEstimated").isMissingNode()).isTrue();
			return;
		}
		assertThat(page.at("/meta/totalEstimated").asBoolean()).isTrue();
		// PostgreSQL's statistics of a freshly analysed small table are exact; MariaDB samples pages
		assertThat(page.at("/meta/total").asLong()).isBetween(COMPUTERS / 2L, COMPUTERS * 2L);
		assertThat(countStatements()).as("no COUNT statement: %s", SqlStatementCounter.statements()).isZero();
		assertThat(page.at("/links/last").isNull()).as("the last page of an estimate is unknown").isTrue();
		assertThat(URLDecoder.decode(page.at("/links/next").asString(), StandardCharsets.UTF_8))
			.contains("page[number]=2");
	}

	@Test
	void anEstimatedTotalCostsOneStatementWhereTheCountWas() {
		get("/api/computers?page[size]=5&page[total]=exact");
		int counted = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		get("/api/computers?page[size]=5&page[total]=estimated");

		assertThat(SqlStatementCounter.count()).isEqualTo(counted);
	}

	@Test
	void aResultEstimatedBelowTheThresholdIsCountedExactly() {
		String filter = Queries.objects("[{'name': 'id', 'op': 'in', 'val': " + this.ids.subList(0, 7) + "}]");
		ApiResponse page = get("/api/computers?page[size]=5&page[total]=estimated&" + filter);

		assertThat(page.at("/meta/total").asLong()).isEqualTo(7);
		assertThat(page.at("/meta/totalEstimated").isMissingNode()).isTrue();
		assertThat(countStatements()).isEqualTo(1);
		assertThat(URLDecoder.decode(page.at("/links/last").asString(), StandardCharsets.UTF_8))
			.contains("page[number]=2");
	}

	@Test
	void anEstimateIsNeverBelowTheRowsThePageHasSeen() {
		// the last page of all but one row: the estimate may be lower, the rows read prove more
		ApiResponse page = get("/api/computers?page[offset]=" + (COMPUTERS - 6) + "&page[limit]=5&page[total]=estimated");

		assertThat(page.at("/meta/total").asLong()).isGreaterThanOrEqualTo(COMPUTERS);
		assertThat(page.at("/links/next").isNull()).isFalse();
	}

	@Test
	void anEmptyPagePastTheEndDoesNotTakeItsOffsetForTheTotal() {
		ApiResponse page = get("/api/computers?page[offset]=100000000&page[limit]=5&page[total]=estimated");

		assertThat(page.at("/data").size()).isZero();
		assertThat(page.at("/meta/total").asLong()).isBetween(COMPUTERS / 2L, COMPUTERS * 2L);
	}

	@Test
	void aLastPageKnowsItsTotalWithoutCountingOrEstimating() {
		ApiResponse page = get("/api/computers?page[size]=100&page[number]=3&page[total]=estimated");

		assertThat(page.at("/meta/total").asLong()).isEqualTo(COMPUTERS);
		assertThat(page.at("/meta/totalEstimated").isMissingNode()).isTrue();
		assertThat(SqlStatementCounter.statements()).as("the page and its linkage only").hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void aCursorPageGivesAnEstimateWhenAskedForOne() {
		ApiResponse page = get("/api/computers?page[size]=5&page[after]=" + firstCursor() + "&page[total]=estimated");

		assertThat(page.at("/meta/page/total").asLong()).isEqualTo(page.at("/meta/total").asLong());
		assertThat(page.at("/meta/totalEstimated").isMissingNode()).isEqualTo(!estimates());
	}

	private String firstCursor() {
		ApiResponse first = this.api.exchange("GET", "/api/computers?page[size]=1", null, "Accept",
				"application/vnd.api+json; profile=\"https://jsonapi.org/profiles/ethanresnick/cursor-pagination\"");
		return first.at("/data/0/meta/page/cursor").asString();
	}

	@Test
	void aSessionWhoseHibernateFiltersHideRowsCountsExactlyInsteadOfEstimatingOverEveryRow() {
		List<Computer> withVendor = new ArrayList<>();
		for (int index = 0; index < 150; index++) {
			Computer computer = new Computer();
			computer.setName("sold " + index);
			computer.setVendor("vendor");
			withVendor.add(computer);
		}
		this.fixtures.persist(withVendor.toArray());
		this.fixtures.analyze("computer");
		SessionFilters.enabled = "withVendor";
		try {
			ApiResponse page = get("/api/computers?page[size]=5&page[total]=estimated");

			assertThat(page.at("/data/0/attributes/vendor").asString()).isEqualTo("vendor");
			// the planner would estimate over all 450 rows, the 300 the filter hides among them
			assertThat(page.at("/meta/total").asLong()).isEqualTo(150);
			assertThat(page.at("/meta/totalEstimated").isMissingNode()).isTrue();
		}
		finally {
			SessionFilters.enabled = null;
		}
	}

	@Test
	void exactAndNoneAndTheFirstBooleanValuesStillWork() {
		assertThat(get("/api/computers?page[size]=5&page[total]=exact").at("/meta/total").asLong()).isEqualTo(COMPUTERS);
		assertThat(get("/api/computers?page[size]=5&page[total]=true").at("/meta/total").asLong()).isEqualTo(COMPUTERS);
		assertThat(get("/api/computers?page[size]=5&page[total]=none").at("/meta/total").isMissingNode()).isTrue();
		assertThat(get("/api/computers?page[size]=5&page[total]=false").at("/meta/total").isMissingNode()).isTrue();
		ApiResponse wrong = this.api.get("/api/computers?page[total]=roughly");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.at("/errors/0/source/parameter").asString()).isEqualTo("page[total]");
		assertThat(wrong.at("/errors/0/detail").asString()).contains("exact, estimated or none");
	}

	@Test
	void aResourceCanMakeEstimatedTotalsItsDefault() {
		List<Measurement> measurements = new ArrayList<>();
		for (int index = 0; index < 120; index++) {
			Measurement measurement = new Measurement();
			measurement.setLabel("m" + index);
			measurements.add(measurement);
		}
		this.fixtures.persist(measurements.toArray());
		this.fixtures.analyze("measurement");

		// a filter of this call's own: measurements reuse estimates, by query
		String mine = everyMeasurement();
		ApiResponse byDefault = get("/api/measurements?page[size]=5&" + mine);
		ApiResponse asked = get("/api/measurements?page[size]=5&page[total]=exact&" + mine);

		assertThat(byDefault.at("/meta/totalEstimated").isMissingNode()).isEqualTo(!estimates());
		assertThat(byDefault.at("/meta/total").asLong()).isBetween(60L, 240L);
		assertThat(asked.at("/meta/total").asLong()).isEqualTo(120);
		assertThat(asked.at("/meta/totalEstimated").isMissingNode()).isTrue();
	}

	@Test
	void aResourceWithATimeToLiveGivesTheSameQueryTheSameEstimateWithoutAskingTheDatabaseAgain() {
		persistMeasurements("reused", 120);
		String reused = everyMeasurement();
		ApiResponse first = get("/api/measurements?page[size]=5&" + reused);
		int firstStatements = SqlStatementCounter.count();

		persistMeasurements("more", 400);
		ApiResponse again = get("/api/measurements?page[size]=5&" + reused);
		int againStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		ApiResponse exact = get("/api/measurements?page[size]=5&page[total]=exact&" + reused);
		ApiResponse otherQuery = get("/api/measurements?page[size]=5&" + everyMeasurement());

		assertThat(exact.at("/meta/total").asLong()).as("an exact total is never reused").isEqualTo(520);
		if (!estimates()) {
			assertThat(first.at("/meta/total").asLong()).isEqualTo(120);
			assertThat(again.at("/meta/total").asLong()).isEqualTo(520);
			return;
		}
		assertThat(first.at("/meta/totalEstimated").asBoolean()).isTrue();
		assertThat(again.at("/meta/totalEstimated").asBoolean()).isTrue();
		assertThat(again.at("/meta/total").asLong()).as("the first estimate, though the table has grown")
			.isEqualTo(first.at("/meta/total").asLong())
			.isLessThan(400);
		assertThat(againStatements).as("the page without the EXPLAIN: %s", SqlStatementCounter.statements())
			.isEqualTo(firstStatements - 1);
		assertThat(otherQuery.at("/meta/total").asLong()).as("another filter is estimated anew").isGreaterThan(400);
	}

	@Test
	void aFilterWithAnApplicationsOperatorIsEstimatedAnewEachTime() {
		// the application's operator could build its condition from the caller: its filters are
		// not the same query for everyone
		persistMeasurements("own", 120);
		String own = Queries.objects("[{'name': 'label', 'op': 'starts_with', 'val': 'own'}]");
		ApiResponse first = get("/api/measurements?page[size]=5&" + own);
		int firstStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		ApiResponse again = get("/api/measurements?page[size]=5&" + own);

		assertThat(again.at("/meta/total").asLong()).isEqualTo(first.at("/meta/total").asLong());
		assertThat(SqlStatementCounter.count()).as("%s", SqlStatementCounter.statements()).isEqualTo(firstStatements);
		assertThat(again.at("/meta/totalEstimated").isMissingNode()).isEqualTo(!estimates());
	}

	/**
	 * A filter every measurement passes, of this call's own: kept estimates outlive the tables'
	 * clean-up between tests, and a query of its own is estimated afresh whatever ran before.
	 */
	private static String everyMeasurement() {
		long below = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
		return Queries.objects("[{'name': 'id', 'op': 'gt', 'val': " + -below + "}]");
	}

	private void persistMeasurements(String label, int count) {
		List<Measurement> measurements = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			Measurement measurement = new Measurement();
			measurement.setLabel(label + " " + index);
			measurements.add(measurement);
		}
		this.fixtures.persist(measurements.toArray());
		this.fixtures.analyze("measurement");
		SqlStatementCounter.reset();
	}

}
