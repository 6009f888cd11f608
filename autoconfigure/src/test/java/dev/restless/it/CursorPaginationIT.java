package dev.restless.it;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Country;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON:API cursor pagination profile, and turning the total off.
 */
class CursorPaginationIT extends ApiIntegrationTest {

	private static final String PROFILE = "https://jsonapi.org/profiles/ethanresnick/cursor-pagination";

	private List<Computer> computers;

	@BeforeEach
	void computers() {
		this.computers = new ArrayList<>();
		String[] names = { "delta", "alpha", "charlie", "alpha", "echo", "bravo", "delta", "alpha", "foxtrot", "bravo",
				"golf" };
		for (String name : names) {
			Computer computer = new Computer();
			computer.setName(name);
			this.computers.add(computer);
		}
		this.fixtures.persist(this.computers.toArray());
	}

	private ApiResponse get(String path) {
		ApiResponse response = this.api.get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

	private String relative(String link) {
		return link.substring(this.api.root().length());
	}

	private static List<String> ids(ApiResponse response) {
		List<String> ids = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			ids.add(resource.get("id").asString());
		}
		return ids;
	}

	private List<String> idsSortedBy(Comparator<Computer> order) {
		return this.computers.stream().sorted(order).map((c) -> c.getId().toString()).toList();
	}

	/** A first cursor page, asked for with the profile in Accept. */
	private ApiResponse firstCursorPage(String query) {
		ApiResponse response = this.api.exchange("GET", "/api/computers?" + query, null, "Accept",
				"application/vnd.api+json; profile=\"" + PROFILE + "\"");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

	/** The cursor of the first computer in id order. */
	private String cursorOfFirst() {
		return firstCursorPage("page%5Bsize%5D=1").at("/data/0/meta/page/cursor").asString();
	}

	/** Follow next links from a page to the end; the pages in order. */
	private List<ApiResponse> pagesFrom(ApiResponse page) {
		List<ApiResponse> pages = new ArrayList<>();
		pages.add(page);
		while (!page.at("/links/next").isNull()) {
			page = get(relative(page.at("/links/next").asString()));
			pages.add(page);
		}
		return pages;
	}

	private static List<String> idsOf(List<ApiResponse> pages) {
		List<String> ids = new ArrayList<>();
		pages.forEach((page) -> ids.addAll(ids(page)));
		return ids;
	}

	@Test
	void nextLinksWalkTheWholeCollectionOnceInPrimaryKeyOrder() {
		List<ApiResponse> pages = pagesFrom(firstCursorPage("page%5Bsize%5D=3"));

		assertThat(idsOf(pages)).containsExactlyElementsOf(idsSortedBy(Comparator.comparing(Computer::getId)));
		assertThat(pages).hasSize(4);
		assertThat(pages.get(0).at("/links/prev").isNull()).isTrue();
		assertThat(pages.get(1).at("/links/prev").isNull()).isFalse();
	}

	@Test
	void prevLinksWalkBackToTheStart() {
		List<ApiResponse> forward = pagesFrom(firstCursorPage("page%5Bsize%5D=3"));
		ApiResponse page = forward.get(forward.size() - 1);
		List<String> backward = new ArrayList<>(ids(page));
		while (!page.at("/links/prev").isNull()) {
			page = get(relative(page.at("/links/prev").asString()));
			assertThat(page.at("/data").size()).isEqualTo(3);
			backward.addAll(0, ids(page));
		}

		assertThat(backward).containsExactlyElementsOf(idsSortedBy(Comparator.comparing(Computer::getId)));
	}

	@Test
	void theProfileInAcceptStartsCursorPaginationAndIsNamedInContentType() {
		ApiResponse response = this.api.exchange("GET", "/api/computers?page%5Bsize%5D=4", null, "Accept",
				"application/vnd.api+json; profile=\"" + PROFILE + "\"");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).contains("profile=").contains(PROFILE);
		assertThat(ids(response)).containsExactlyElementsOf(
				idsSortedBy(Comparator.comparing(Computer::getId)).subList(0, 4));
		assertThat(response.at("/data/3/meta/page/cursor").asString()).isNotBlank();
		assertThat(response.at("/links/prev").isNull()).isTrue();
		assertThat(response.at("/links/next").asString()).contains("page%5Bafter%5D=");
		assertThat(response.at("/meta/total").isMissingNode()).isTrue();
	}

	@Test
	void sortedCursorPagesFollowTheSortThenTheId() {
		List<String> expected = idsSortedBy(
				Comparator.comparing(Computer::getName).reversed().thenComparing(Computer::getId));

		List<ApiResponse> pages = pagesFrom(firstCursorPage("sort=-name&page%5Bsize%5D=3"));
		ApiResponse before = get("/api/computers?sort=-name&page[size]=3&page[before]="
				+ pages.get(1).at("/data/0/meta/page/cursor").asString());

		assertThat(idsOf(pages)).containsExactlyElementsOf(expected);
		assertThat(ids(before)).containsExactlyElementsOf(expected.subList(0, 3));
		assertThat(before.at("/links/prev").isNull()).isTrue();
		assertThat(before.at("/links/next").asString()).contains("page%5Bafter%5D=");
	}

	@Test
	void filtersApplyToCursorPages() {
		ApiResponse response = this.api.exchange("GET",
				"/api/computers?filter%5Bname%5D=alpha,bravo&page%5Bsize%5D=10&page%5Btotal%5D=true", null, "Accept",
				"application/vnd.api+json; profile=\"" + PROFILE + "\"");

		assertThat(response.at("/data").size()).isEqualTo(5);
		assertThat(response.at("/meta/page/total").asInt()).isEqualTo(5);
		assertThat(response.at("/links/next").isNull()).isTrue();
	}

	@Test
	void cursorPagesOnAnAttributeThatCanBeNullWalkEveryRowOnceInBothDirections() {
		String[] vendors = { null, "acme", null, "globex", "acme", null, "bolt", null, "globex", "acme", null };
		for (int index = 0; index < vendors.length; index++) {
			this.computers.get(index).setVendor(vendors[index]);
		}
		this.fixtures.update((em) -> this.computers
			.forEach((computer) -> em.find(Computer.class, computer.getId()).setVendor(computer.getVendor())));
		Comparator<String> nullsGreatest = Comparator.nullsLast(Comparator.naturalOrder());
		Map<String, Comparator<Computer>> sorts = Map.of("vendor",
				Comparator.comparing(Computer::getVendor, nullsGreatest).thenComparing(Computer::getId), "-vendor",
				Comparator.comparing(Computer::getVendor, nullsGreatest.reversed()).thenComparing(Computer::getId),
				"-vendor,name", Comparator.comparing(Computer::getVendor, nullsGreatest.reversed())
					.thenComparing(Computer::getName)
					.thenComparing(Computer::getId));

		sorts.forEach((sort, order) -> {
			List<String> expected = idsSortedBy(order);
			List<ApiResponse> pages = pagesFrom(firstCursorPage("sort=" + sort + "&page%5Bsize%5D=2"));
			ApiResponse page = pages.get(pages.size() - 1);
			List<String> backward = new ArrayList<>(ids(page));
			while (!page.at("/links/prev").isNull()) {
				page = get(relative(page.at("/links/prev").asString()));
				backward.addAll(0, ids(page));
			}
			ApiResponse offset = get("/api/computers?sort=" + sort + "&page%5Bsize%5D=20");

			assertThat(idsOf(pages)).as(sort).containsExactlyElementsOf(expected);
			assertThat(backward).as(sort).containsExactlyElementsOf(expected);
			assertThat(ids(offset)).as(sort).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void aSortOnARelatedAttributeIsTheProfilesUnsupportedSortError() {
		ApiResponse response = this.api.get("/api/computers?sort=owner.name&page[after]=" + cursorOfFirst());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("sort");
		assertThat(response.firstError().at("/links/type").asString()).isEqualTo(PROFILE + "/unsupported-sort");
	}

	@Test
	void anOversizedPageIsTheProfilesMaxSizeExceededError() {
		ApiResponse response = this.api.get("/api/computers?page[size]=101&page[after]=" + cursorOfFirst());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("page[size]");
		assertThat(response.firstError().at("/meta/page/maxSize").asInt()).isEqualTo(100);
		assertThat(response.firstError().at("/links/type").asString()).isEqualTo(PROFILE + "/max-size-exceeded");
	}

	@Test
	void rangePaginationAndBadCursorsAre400() {
		String cursor = cursorOfFirst();
		ApiResponse range = this.api.get("/api/computers?page[after]=" + cursor + "&page[before]=" + cursor);
		ApiResponse garbage = this.api.get("/api/computers?page[after]=not-a-cursor");
		ApiResponse otherSort = this.api.get("/api/computers?sort=name&page[after]=" + cursor);
		ApiResponse withNumber = this.api.get("/api/computers?page[number]=2&page[after]=" + cursor);
		ApiResponse empty = this.api.get("/api/computers?page[after]=");

		assertThat(range.status()).isEqualTo(400);
		assertThat(range.firstError().at("/links/type").asString()).isEqualTo(PROFILE + "/range-pagination-not-supported");
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.firstError().at("/source/parameter").asString()).isEqualTo("page[after]");
		assertThat(otherSort.status()).isEqualTo(400);
		assertThat(withNumber.status()).isEqualTo(400);
		assertThat(empty.status()).isEqualTo(400);
	}

	@Test
	void aCursorPageDeepInTheCollectionCostsOneStatementLikeTheFirst() {
		SqlStatementCounter.reset();
		List<ApiResponse> pages = pagesFrom(firstCursorPage("page%5Bsize%5D=2"));
		int statementsForAllPages = SqlStatementCounter.count();

		assertThat(pages).hasSize(6);
		assertThat(statementsForAllPages).as("one statement per page, none for a count")
			.isEqualTo(pages.size());
	}

	@Test
	void offsetPagesCanLeaveTheTotalOutAndStillKnowTheNextPage() {
		SqlStatementCounter.reset();
		ApiResponse first = get("/api/computers?page[size]=5&page[total]=false");
		int statements = SqlStatementCounter.count();
		ApiResponse last = get("/api/computers?page[size]=5&page[number]=3&page[total]=false");

		assertThat(statements).isEqualTo(1);
		assertThat(first.at("/meta/total").isMissingNode()).isTrue();
		assertThat(first.at("/links/last").isNull()).isTrue();
		assertThat(URLDecoder.decode(first.at("/links/next").asString(), StandardCharsets.UTF_8))
			.contains("page[number]=2");
		assertThat(last.at("/data").size()).isEqualTo(1);
		assertThat(last.at("/links/next").isNull()).isTrue();
		assertThat(URLDecoder.decode(last.at("/links/prev").asString(), StandardCharsets.UTF_8))
			.contains("page[number]=2");
	}

	@Test
	void aResourceCanLeaveTheTotalOutUnlessTheClientAsks() {
		for (String code : new String[] { "DE", "FR", "IT" }) {
			this.fixtures.persist(new Country(code, code));
		}

		ApiResponse byDefault = get("/api/country?page[size]=2");
		ApiResponse asked = get("/api/country?page[size]=2&page[total]=true");

		assertThat(byDefault.at("/meta/total").isMissingNode()).isTrue();
		assertThat(byDefault.at("/links/next").isNull()).isFalse();
		assertThat(asked.at("/meta/total").asInt()).isEqualTo(3);
		assertThat(this.api.get("/api/country?page[total]=maybe").status()).isEqualTo(400);
	}

}
