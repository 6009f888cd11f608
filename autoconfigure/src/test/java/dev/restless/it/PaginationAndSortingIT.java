package dev.restless.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Person;
import dev.restless.it.app.Tag;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationAndSortingIT extends ApiIntegrationTest {

	private List<Computer> computers(int count) {
		List<Computer> computers = new ArrayList<>();
		for (int index = 0; index < count; index++) {
			Computer computer = new Computer();
			computer.setName("computer-" + (char) ('a' + (index % 26)) + index);
			computer.setVendor((index % 2 == 0) ? "acme" : "globex");
			computers.add(computer);
		}
		this.fixtures.persist(computers.toArray());
		return computers;
	}

	private static List<String> ids(ApiResponse response) {
		List<String> ids = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			ids.add(resource.get("id").asString());
		}
		return ids;
	}

	private static String decoded(String url) {
		return java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theDefaultPageHasTenResourcesInPrimaryKeyOrderAndTheTotal() {
		List<Computer> computers = computers(25);

		ApiResponse response = this.api.get("/api/computers");

		assertThat(response.at("/data").size()).isEqualTo(10);
		assertThat(ids(response)).containsExactlyElementsOf(
				computers.subList(0, 10).stream().map((c) -> c.getId().toString()).toList());
		assertThat(response.at("/meta/total").asLong()).isEqualTo(25);
	}

	@Test
	void paginationLinksAreAbsoluteKeepTheOtherParametersAndAreNullWhereThereIsNone() {
		computers(25);

		ApiResponse first = this.api.get("/api/computers?sort=-name&page%5Bsize%5D=10");
		ApiResponse middle = this.api.get("/api/computers?sort=-name&page[number]=2&page[size]=10");

		String base = this.api.root() + "/api/computers?sort=-name&page[number]=";
		assertThat(decoded(first.at("/links/first").asString())).isEqualTo(base + "1&page[size]=10");
		assertThat(decoded(first.at("/links/last").asString())).isEqualTo(base + "3&page[size]=10");
		assertThat(first.at("/links/prev").isNull()).isTrue();
		assertThat(decoded(first.at("/links/next").asString())).isEqualTo(base + "2&page[size]=10");
		assertThat(decoded(middle.at("/links/prev").asString())).isEqualTo(base + "1&page[size]=10");
		assertThat(decoded(middle.at("/links/next").asString())).isEqualTo(base + "3&page[size]=10");
		assertThat(decoded(middle.at("/links/self").asString()))
			.isEqualTo(this.api.root() + "/api/computers?sort=-name&page[number]=2&page[size]=10");
		ApiResponse last = this.api.get("/api/computers?sort=-name&page[number]=3&page[size]=10");
		assertThat(last.at("/data").size()).isEqualTo(5);
		assertThat(last.at("/links/next").isNull()).isTrue();
		assertThat(this.api.get(first.at("/links/next").asString().substring(this.api.root().length()))
			.at("/data/0/id")).isEqualTo(middle.at("/data/0/id"));
	}

	@Test
	void pageSizesComeFromThePropertyThenTheAnnotationThenTheGlobalDefault() {
		computers(3);
		for (int index = 0; index < 8; index++) {
			Tag tag = new Tag();
			tag.setId(java.util.UUID.randomUUID());
			tag.setLabel("t" + index);
			this.fixtures.persist(tag);
		}

		assertThat(this.api.get("/api/tags").at("/data").size()).isEqualTo(5);
		assertThat(this.api.get("/api/people?page[size]=60").status()).isEqualTo(200);
		ApiResponse overPeopleMaximum = this.api.get("/api/people?page[size]=61");
		assertThat(overPeopleMaximum.status()).isEqualTo(400);
		assertThat(overPeopleMaximum.firstError().get("detail").asString()).contains("60");
		assertThat(this.api.get("/api/computers?page[size]=100").status()).isEqualTo(200);
		assertThat(this.api.get("/api/computers?page[size]=101").firstError().get("detail").asString())
			.contains("100");
	}

	@Test
	void absurdPageParametersAre400NamingTheParameter() {
		for (String query : new String[] { "page[size]=0", "page[size]=-5", "page[size]=ten", "page[size]=99999999999",
				"page[size]=1000", "page[number]=0", "page[number]=-1", "page[number]=x", "page[offset]=-1", "page[offset]=x",
				"page[limit]=0", "page[limit]=101", "page[sizes]=3" }) {
			ApiResponse response = this.api.get("/api/computers?" + query);

			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.firstError().at("/source/parameter").asString()).as(query)
				.isEqualTo(query.substring(0, query.indexOf('=')));
		}
		assertThat(this.api.get("/api/computers?page[size]=0").firstError().get("detail").asString())
			.contains("100");
	}

	@Test
	void offsetAndLimitSelectAPageStartingAtAnyRowAndItsLinksKeepThatStyle() {
		List<Computer> computers = computers(25);

		ApiResponse page = this.api.get("/api/computers?sort=id&page[offset]=3&page[limit]=10");

		assertThat(page.status()).isEqualTo(200);
		assertThat(ids(page)).containsExactlyElementsOf(
				computers.subList(3, 13).stream().map((c) -> c.getId().toString()).toList());
		assertThat(page.at("/meta/total").asLong()).isEqualTo(25);
		String base = this.api.root() + "/api/computers?sort=id&page[offset]=";
		assertThat(decoded(page.at("/links/first").asString())).isEqualTo(base + "0&page[limit]=10");
		assertThat(decoded(page.at("/links/prev").asString())).isEqualTo(base + "0&page[limit]=10");
		assertThat(decoded(page.at("/links/next").asString())).isEqualTo(base + "13&page[limit]=10");
		assertThat(decoded(page.at("/links/last").asString())).isEqualTo(base + "20&page[limit]=10");
		ApiResponse last = this.api.get("/api/computers?sort=id&page[offset]=20&page[limit]=10");
		assertThat(last.at("/data").size()).isEqualTo(5);
		assertThat(last.at("/links/next").isNull()).isTrue();
		assertThat(decoded(last.at("/links/prev").asString())).isEqualTo(base + "10&page[limit]=10");
	}

	@Test
	void anOffsetAloneTakesTheDefaultPageSizeAndALimitAloneStartsAtTheFirstRow() {
		List<Computer> computers = computers(25);

		ApiResponse offsetOnly = this.api.get("/api/computers?page[offset]=24");
		ApiResponse limitOnly = this.api.get("/api/computers?page[limit]=2");

		assertThat(ids(offsetOnly)).containsExactly(computers.get(24).getId().toString());
		assertThat(ids(limitOnly)).containsExactly(computers.get(0).getId().toString(),
				computers.get(1).getId().toString());
		assertThat(decoded(limitOnly.at("/links/next").asString()))
			.isEqualTo(this.api.root() + "/api/computers?page[offset]=2&page[limit]=2");
	}

	@Test
	void mixingOffsetAndLimitWithPageNumbersOrCursorsIs400() {
		for (String query : new String[] { "page[offset]=2&page[size]=3", "page[number]=2&page[limit]=3",
				"page[offset]=2&page[after]=abc" }) {
			ApiResponse response = this.api.get("/api/computers?" + query);

			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.firstError().get("detail").asString()).as(query).contains("page[offset]");
		}
	}

	@Test
	void collectionsCarryTheirPaginationLinksInALinkHeader() {
		computers(25);

		ApiResponse page = this.api.get("/api/computers?page[number]=2&page[size]=10");
		ApiResponse single = this.api.get("/api/computers/" + ids(page).get(0));

		assertThat(page.header("Link")).isEqualTo("<" + page.at("/links/first").asString() + ">; rel=\"first\", <"
				+ page.at("/links/prev").asString() + ">; rel=\"prev\", <" + page.at("/links/next").asString()
				+ ">; rel=\"next\", <" + page.at("/links/last").asString() + ">; rel=\"last\"");
		assertThat(this.api.get("/api/computers?page[number]=3&page[size]=10").header("Link"))
			.doesNotContain("rel=\"next\"").contains("rel=\"prev\"");
		assertThat(single.header("Link")).isNull();
	}

	@Test
	void aPageBeyondTheLastIsEmpty() {
		computers(3);

		ApiResponse response = this.api.get("/api/computers?page[number]=7");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data").size()).isZero();
		assertThat(response.at("/meta/total").asLong()).isEqualTo(3);
	}

	@Test
	void sortOrdersByEachKeyInTurnAscendingOrDescending() {
		computers(6);

		ApiResponse response = this.api.get("/api/computers?sort=vendor,-name");

		List<String> pairs = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			pairs.add(resource.at("/attributes/vendor").asString() + "/" + resource.at("/attributes/name").asString());
		}
		assertThat(pairs).containsExactly("acme/computer-e4", "acme/computer-c2", "acme/computer-a0",
				"globex/computer-f5", "globex/computer-d3", "globex/computer-b1");
	}

	@Test
	void aPageDeepInTheCollectionHoldsTheRowsOfTheSameOrderAtOneStatementMore() {
		List<Computer> computers = computers(1030);
		List<String> expected = computers.stream()
			.sorted(Comparator.comparing(Computer::getVendor)
				.thenComparing(Computer::getName, Comparator.reverseOrder())
				.thenComparing(Computer::getId))
			.map((computer) -> computer.getId().toString())
			.toList();

		SqlStatementCounter.reset();
		ApiResponse shallow = this.api.get("/api/computers?sort=vendor,-name&page[number]=2&page[size]=20");
		int shallowStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		ApiResponse deep = this.api.get("/api/computers?sort=vendor,-name&page[number]=51&page[size]=20");
		int deepStatements = SqlStatementCounter.count();
		ApiResponse last = this.api.get("/api/computers?sort=vendor,-name&page[number]=52&page[size]=20");

		assertThat(ids(shallow)).containsExactlyElementsOf(expected.subList(20, 40));
		assertThat(ids(deep)).containsExactlyElementsOf(expected.subList(1000, 1020));
		assertThat(deep.at("/meta/total").asLong()).isEqualTo(1030);
		assertThat(ids(last)).containsExactlyElementsOf(expected.subList(1020, 1030));
		assertThat(last.at("/meta/total").asLong()).isEqualTo(1030);
		// the keys of the page first, then its rows by key
		assertThat(deepStatements).isEqualTo(shallowStatements + 1);
	}

	@Test
	void nullsSortAsGreaterThanEveryValueOnEveryDatabase() {
		String[] prices = { "30", null, "10", null, "20", null };
		List<Computer> computers = new ArrayList<>();
		for (int index = 0; index < prices.length; index++) {
			Computer computer = new Computer();
			computer.setName("computer-" + index);
			computer.setPrice((prices[index] != null) ? new java.math.BigDecimal(prices[index]) : null);
			computers.add(computer);
		}
		this.fixtures.persist(computers.toArray());
		List<String> nulls = List.of(computers.get(1), computers.get(3), computers.get(5))
			.stream()
			.map((computer) -> computer.getId().toString())
			.toList();
		String ten = computers.get(2).getId().toString();
		String twenty = computers.get(4).getId().toString();
		String thirty = computers.get(0).getId().toString();

		ApiResponse ascending = this.api.get("/api/computers?sort=price");
		ApiResponse descending = this.api.get("/api/computers?sort=-price");
		ApiResponse secondPage = this.api.get("/api/computers?sort=-price&page[number]=2&page[size]=2");

		assertThat(ids(ascending)).containsExactly(ten, twenty, thirty, nulls.get(0), nulls.get(1), nulls.get(2));
		assertThat(ids(descending)).containsExactly(nulls.get(0), nulls.get(1), nulls.get(2), thirty, twenty, ten);
		assertThat(ids(secondPage)).containsExactly(nulls.get(2), thirty);
	}

	@Test
	void resourcesWithoutARelatedResourceSortAsNullOnItsAttribute() {
		Person ada = new Person();
		ada.setName("Ada");
		Person bob = new Person();
		bob.setName("Bob");
		this.fixtures.persist(ada, bob);
		Computer[] computers = new Computer[3];
		for (int index = 0; index < computers.length; index++) {
			computers[index] = new Computer();
			computers[index].setName("computer-" + index);
		}
		computers[0].setOwner(bob);
		computers[2].setOwner(ada);
		this.fixtures.persist((Object[]) computers);

		ApiResponse ascending = this.api.get("/api/computers?sort=owner.name");
		ApiResponse descending = this.api.get("/api/computers?sort=-owner.name");

		assertThat(ids(ascending)).containsExactly(computers[2].getId().toString(), computers[0].getId().toString(),
				computers[1].getId().toString());
		assertThat(ids(descending)).containsExactly(computers[1].getId().toString(),
				computers[0].getId().toString(), computers[2].getId().toString());
	}

	@Test
	void theSelfLinkPercentEncodesTheBracketsTheClientSentRaw() {
		computers(7);

		ApiResponse response = this.api.get("/api/computers?page[size]=2&page[number]=3&fields[computers]=name");

		String query = "?page%5Bsize%5D=2&page%5Bnumber%5D=3&fields%5Bcomputers%5D=name";
		assertThat(response.at("/links/self").asString()).isEqualTo(this.api.root() + "/api/computers" + query);
		for (String link : List.of("first", "last", "prev", "next")) {
			assertThat(response.at("/links/" + link).asString()).as(link).doesNotContain("[").doesNotContain("]");
		}
	}

	@Test
	void sortingOnAnUnknownOrHiddenFieldIs400() {
		for (String field : new String[] { "shoeSize", "-password", "secret", "name,", "" }) {
			ApiResponse response = this.api.get("/api/people?sort=" + field);

			assertThat(response.status()).as(field).isEqualTo(400);
			assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("sort");
			assertThat(response.firstError().get("detail").asString()).doesNotContain("Person");
		}
	}

	@Test
	void unknownJsonApiStyleParametersAre400AndImplementationSpecificOnesAreIgnored() {
		Person person = new Person();
		person.setName("Ada");
		this.fixtures.persist(person);

		ApiResponse reserved = this.api.get("/api/people?bogus=1");
		ApiResponse custom = this.api.get("/api/people?camelCase=1");

		assertThat(reserved.status()).isEqualTo(400);
		assertThat(reserved.firstError().at("/source/parameter").asString()).isEqualTo("bogus");
		assertThat(custom.status()).isEqualTo(200);
	}

}
