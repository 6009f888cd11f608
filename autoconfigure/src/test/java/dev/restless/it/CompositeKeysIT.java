package dev.restless.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.restless.Restless;
import dev.restless.it.app.Borrower;
import dev.restless.it.app.Loan;
import dev.restless.it.app.LoanId;
import dev.restless.it.app.Shelf;
import dev.restless.it.app.ShelfId;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resources with composite keys, {@code @EmbeddedId} ({@code loans}) and {@code @IdClass}
 * ({@code shelves}): their id text in documents, URLs, links, linkage, filters and writes.
 */
class CompositeKeysIT extends ApiIntegrationTest {

	@Autowired
	private Restless restless;

	private Borrower borrower(String name) {
		Borrower borrower = new Borrower(name);
		this.fixtures.persist(borrower);
		return borrower;
	}

	private Loan loan(String libraryCode, int bookNumber, String title, Borrower borrower) {
		Loan loan = new Loan(new LoanId(libraryCode, bookNumber), title);
		loan.setBorrower(borrower);
		this.fixtures.persist(loan);
		return loan;
	}

	private Shelf shelf(String room, int slot, Loan featured) {
		Shelf shelf = new Shelf(room, slot, room + " " + slot);
		shelf.setFeatured(featured);
		this.fixtures.persist(shelf);
		return shelf;
	}

	private void shelve(Borrower borrower, Shelf... shelves) {
		this.fixtures.update((em) -> {
			Borrower managed = em.find(Borrower.class, borrower.getId());
			for (Shelf shelf : shelves) {
				managed.getShelves().add(em.find(Shelf.class, new ShelfId(shelf.getRoom(), shelf.getSlot())));
			}
		});
	}

	private static String segment(String id) {
		return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static List<String> ids(JsonNode data) {
		List<String> ids = new ArrayList<>();
		for (JsonNode identifier : data) {
			ids.add(identifier.get("type").asString() + ":" + identifier.get("id").asString());
		}
		return ids;
	}

	@Test
	void anEmbeddedIdIsItsComponentsJoinedByCommasAndItsSelfLinkServesTheResource() {
		Borrower ada = borrower("Ada");
		loan("LIB", 42, "Dune", ada);

		ApiResponse response = this.api.get("/api/loans/LIB,42");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/id").asString()).isEqualTo("LIB,42");
		assertThat(response.at("/data/attributes/title").asString()).isEqualTo("Dune");
		assertThat(response.at("/data/attributes").has("id")).isFalse();
		assertThat(response.text()).doesNotContain("LoanId");
		assertThat(response.at("/data/relationships/borrower/data/id").asString()).isEqualTo(ada.getId().toString());
		String self = response.at("/data/links/self").asString();
		assertThat(self).isEqualTo(this.api.root() + "/api/loans/LIB%2C42");
		ApiResponse again = this.api.get(self.substring(this.api.root().length()));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.at("/data/id").asString()).isEqualTo("LIB,42");
	}

	@Test
	void anIdClassKeyIsItsComponentsInTheOrderOfTheIdClassAndItsSelfLinkServesTheResource() {
		shelf("north", 3, null);

		ApiResponse response = this.api.get("/api/shelves/north,3");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/id").asString()).isEqualTo("north,3");
		assertThat(response.at("/data/attributes/label").asString()).isEqualTo("north 3");
		assertThat(response.at("/data/attributes").has("room")).isFalse();
		assertThat(response.at("/data/attributes").has("slot")).isFalse();
		assertThat(response.at("/data/relationships/featured/data").isNull()).isTrue();
		String self = response.at("/data/links/self").asString();
		assertThat(this.api.get(self.substring(this.api.root().length())).status()).isEqualTo(200);
	}

	@Test
	void commasAndPercentSignsInsideAComponentAreEscapedInIdsAndLinks() {
		loan("A,B%", 7, "Escaped", null);

		ApiResponse collection = this.api.get("/api/loans");

		String id = collection.at("/data/0/id").asString();
		assertThat(id).isEqualTo("A%2CB%25,7");
		String self = collection.at("/data/0/links/self").asString();
		assertThat(self).isEqualTo(this.api.root() + "/api/loans/" + segment(id));
		ApiResponse one = this.api.get("/api/loans/" + segment(id));
		assertThat(one.status()).as(one.text()).isEqualTo(200);
		assertThat(one.at("/data/id").asString()).isEqualTo(id);
		assertThat(this.api.get(self.substring(this.api.root().length())).status()).isEqualTo(200);
	}

	@Test
	void idsThatAreNotExactlyOneKeyAreNotFound() {
		loan("LIB", 42, "Dune", null);
		shelf("north", 3, null);

		for (String id : List.of("LIB", "LIB,42,1", "LIB,x", "LIB,042", "LIB,%2042", "LIB%2x,42", ",42", "LIB,")) {
			assertThat(this.api.get("/api/loans/" + segment(id)).status()).as(id).isEqualTo(404);
		}
		assertThat(this.api.get("/api/shelves/north").status()).isEqualTo(404);
		assertThat(this.api.get("/api/shelves/north,three").status()).isEqualTo(404);
		assertThat(this.api.delete("/api/loans/LIB").status()).isEqualTo(404);
		assertThat(this.api.patch("/api/loans/LIB,042", json("""
				{'data': {'type': 'loans', 'id': 'LIB,042', 'attributes': {'title': 'x'}}}""")).status())
			.isEqualTo(404);
		assertThat(this.fixtures.count(Loan.class)).isEqualTo(1);
	}

	@Test
	void patchAndDeleteAddressAResourceByItsCompositeId() {
		loan("LIB", 42, "Dune", null);
		shelf("north", 3, null);

		ApiResponse mismatch = this.api.patch("/api/loans/LIB,42", json("""
				{'data': {'type': 'loans', 'id': 'LIB,43', 'attributes': {'title': 'Other'}}}"""));
		ApiResponse patched = this.api.patch("/api/loans/LIB%2C42", json("""
				{'data': {'type': 'loans', 'id': 'LIB,42', 'attributes': {'title': 'Dune Messiah'}}}"""));
		ApiResponse shelfPatched = this.api.patch("/api/shelves/north,3", json("""
				{'data': {'type': 'shelves', 'id': 'north,3', 'attributes': {'label': 'Top'}}}"""));

		assertThat(mismatch.status()).isEqualTo(409);
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.at("/data/attributes/title").asString()).isEqualTo("Dune Messiah");
		assertThat(shelfPatched.status()).as(shelfPatched.text()).isEqualTo(200);
		String title = this.fixtures.read((em) -> em.find(Loan.class, new LoanId("LIB", 42)).getTitle());
		String label = this.fixtures.read((em) -> em.find(Shelf.class, new ShelfId("north", 3)).getLabel());
		assertThat(title).isEqualTo("Dune Messiah");
		assertThat(label).isEqualTo("Top");

		assertThat(this.api.delete("/api/loans/LIB,42").status()).isEqualTo(204);
		assertThat(this.api.delete("/api/shelves/north%2C3").status()).isEqualTo(204);
		assertThat(this.fixtures.count(Loan.class)).isZero();
		assertThat(this.fixtures.count(Shelf.class)).isZero();
	}

	@Test
	void postWithAClientGeneratedCompositeIdCreatesTheResourceUnderThatId() {
		Borrower ada = borrower("Ada");

		ApiResponse loan = this.api.post("/api/loans", json("""
				{'data': {'type': 'loans', 'id': 'A%2CB,7', 'attributes': {'title': 'Escaped'},
				  'relationships': {'borrower': {'data': {'type': 'borrowers', 'id': 'ADA'}}}}}"""
			.replace("ADA", ada.getId().toString())));
		ApiResponse shelf = this.api.post("/api/shelves", json("""
				{'data': {'type': 'shelves', 'id': 'east,1', 'attributes': {'label': 'East'},
				  'relationships': {'featured': {'data': {'type': 'loans', 'id': 'A%2CB,7'}}}}}"""));

		assertThat(loan.status()).as(loan.text()).isEqualTo(201);
		assertThat(loan.at("/data/id").asString()).isEqualTo("A%2CB,7");
		assertThat(loan.header("Location")).isEqualTo(this.api.root() + "/api/loans/A%252CB%2C7")
			.isEqualTo(loan.at("/data/links/self").asString());
		Long borrowerId = this.fixtures.read((em) -> em.find(Loan.class, new LoanId("A,B", 7)).getBorrower().getId());
		assertThat(borrowerId).isEqualTo(ada.getId());
		assertThat(shelf.status()).as(shelf.text()).isEqualTo(201);
		assertThat(shelf.at("/data/id").asString()).isEqualTo("east,1");
		assertThat(shelf.at("/data/relationships/featured/data/id").asString()).isEqualTo("A%2CB,7");
		String label = this.fixtures.read((em) -> em.find(Shelf.class, new ShelfId("east", 1)).getLabel());
		assertThat(label).isEqualTo("East");
	}

	@Test
	void postWithAnInvalidOrTakenCompositeIdIsRefusedAndPostWithoutOneNeedsAnId() {
		loan("LIB", 42, "Dune", null);

		ApiResponse tooFew = this.api.post("/api/loans", json("""
				{'data': {'type': 'loans', 'id': 'LIB', 'attributes': {'title': 'x'}}}"""));
		ApiResponse unparsable = this.api.post("/api/loans", json("""
				{'data': {'type': 'loans', 'id': 'LIB,x', 'attributes': {'title': 'x'}}}"""));
		ApiResponse badEscape = this.api.post("/api/shelves", json("""
				{'data': {'type': 'shelves', 'id': 'no%rth,1', 'attributes': {'label': 'x'}}}"""));
		ApiResponse taken = this.api.post("/api/loans", json("""
				{'data': {'type': 'loans', 'id': 'LIB,42', 'attributes': {'title': 'x'}}}"""));
		ApiResponse withoutId = this.api.post("/api/loans", json("""
				{'data': {'type': 'loans', 'attributes': {'title': 'x'}}}"""));

		for (ApiResponse response : List.of(tooFew, unparsable, badEscape)) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo("/data/id");
		}
		assertThat(taken.status()).isEqualTo(409);
		assertThat(withoutId.status()).as(withoutId.text()).isEqualTo(403);
		assertThat(this.fixtures.count(Loan.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Shelf.class)).isZero();
	}

	@Test
	void linkageToAndFromCompositeKeysInBothDirections() {
		Borrower ada = borrower("Ada");
		Loan first = loan("LIB", 1, "One", ada);
		loan("LIB", 2, "Two", ada);
		Shelf north = shelf("north", 3, first);
		Shelf east = shelf("east", 1, null);
		shelve(ada, north, east);

		ApiResponse borrower = this.api.get("/api/borrowers/" + ada.getId());
		ApiResponse shelf = this.api.get("/api/shelves/north,3");
		ApiResponse shelves = this.api.get("/api/shelves");
		ApiResponse loans = this.api.get("/api/loans");

		assertThat(ids(borrower.at("/data/relationships/loans/data"))).containsExactly("loans:LIB,1", "loans:LIB,2");
		assertThat(ids(borrower.at("/data/relationships/shelves/data"))).containsExactly("shelves:east,1",
				"shelves:north,3");
		assertThat(shelf.at("/data/relationships/featured/data/id").asString()).isEqualTo("LIB,1");
		assertThat(ids(shelf.at("/data/relationships/borrowers/data"))).containsExactly("borrowers:" + ada.getId());
		assertThat(shelves.at("/data").size()).isEqualTo(2);
		for (JsonNode resource : shelves.at("/data")) {
			assertThat(ids(resource.at("/relationships/borrowers/data"))).containsExactly("borrowers:" + ada.getId());
		}
		assertThat(loans.at("/data/0/relationships/borrower/data/id").asString()).isEqualTo(ada.getId().toString());
	}

	@Test
	void relatedResourcesAndRelationshipEndpointsOfCompositeKeys() {
		Borrower ada = borrower("Ada");
		Loan first = loan("LIB", 1, "One", ada);
		loan("LIB", 2, "Two", ada);
		loan("LIB", 3, "Three", null);
		Shelf north = shelf("north", 3, first);
		shelve(ada, north);

		ApiResponse related = this.api.get("/api/borrowers/" + ada.getId() + "/loans");
		ApiResponse member = this.api.get("/api/borrowers/" + ada.getId() + "/loans/LIB,2");
		ApiResponse notMember = this.api.get("/api/borrowers/" + ada.getId() + "/loans/LIB,3");
		ApiResponse invalidMember = this.api.get("/api/borrowers/" + ada.getId() + "/loans/LIB");
		ApiResponse shelfBorrowers = this.api.get("/api/shelves/north,3/borrowers");
		ApiResponse featured = this.api.get("/api/shelves/north,3/relationships/featured");
		ApiResponse relationship = this.api.get("/api/borrowers/" + ada.getId() + "/relationships/shelves");

		assertThat(ids(related.at("/data"))).containsExactly("loans:LIB,1", "loans:LIB,2");
		assertThat(member.status()).as(member.text()).isEqualTo(200);
		assertThat(member.at("/data/id").asString()).isEqualTo("LIB,2");
		assertThat(notMember.status()).isEqualTo(404);
		assertThat(invalidMember.status()).isEqualTo(404);
		assertThat(ids(shelfBorrowers.at("/data"))).containsExactly("borrowers:" + ada.getId());
		assertThat(featured.at("/data/id").asString()).isEqualTo("LIB,1");
		assertThat(featured.at("/links/self").asString())
			.isEqualTo(this.api.root() + "/api/shelves/north%2C3/relationships/featured");
		assertThat(ids(relationship.at("/data"))).containsExactly("shelves:north,3");
	}

	@Test
	void documentsLinkResourcesByTheirCompositeIds() {
		Borrower ada = borrower("Ada");
		loan("LIB", 1, "One", null);
		loan("LIB", 2, "Two", null);
		Shelf north = shelf("north", 3, null);
		Shelf east = shelf("east", 1, null);

		ApiResponse featured = this.api.patch("/api/shelves/north,3", json("""
				{'data': {'type': 'shelves', 'id': 'north,3',
				  'relationships': {'featured': {'data': {'type': 'loans', 'id': 'LIB,2'}}}}}"""));
		ApiResponse replaced = this.api.patch("/api/borrowers/" + ada.getId() + "/relationships/shelves", json("""
				{'data': [{'type': 'shelves', 'id': 'north,3'}, {'type': 'shelves', 'id': 'east,1'}]}"""));
		ApiResponse removed = this.api.exchange("DELETE", "/api/borrowers/" + ada.getId() + "/relationships/shelves",
				json("{'data': [{'type': 'shelves', 'id': 'east,1'}]}"), "Content-Type",
				"application/vnd.api+json", "Accept", "application/vnd.api+json");
		ApiResponse unknown = this.api.patch("/api/shelves/north,3", json("""
				{'data': {'type': 'shelves', 'id': 'north,3',
				  'relationships': {'featured': {'data': {'type': 'loans', 'id': 'LIB,9'}}}}}"""));
		ApiResponse invalid = this.api.patch("/api/shelves/north,3", json("""
				{'data': {'type': 'shelves', 'id': 'north,3',
				  'relationships': {'featured': {'data': {'type': 'loans', 'id': 'LIB'}}}}}"""));

		assertThat(featured.status()).as(featured.text()).isEqualTo(200);
		assertThat(featured.at("/data/relationships/featured/data/id").asString()).isEqualTo("LIB,2");
		assertThat(replaced.status()).as(replaced.text()).isIn(200, 204);
		assertThat(removed.status()).as(removed.text()).isIn(200, 204);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(invalid.status()).isEqualTo(404);
		LoanId featuredId = this.fixtures
			.read((em) -> em.find(Shelf.class, new ShelfId("north", 3)).getFeatured().getId());
		List<String> shelved = this.fixtures.read((em) -> em.find(Borrower.class, ada.getId())
			.getShelves()
			.stream()
			.map((shelf) -> shelf.getRoom() + "," + shelf.getSlot())
			.toList());
		assertThat(featuredId).isEqualTo(new LoanId("LIB", 2));
		assertThat(shelved).containsExactly("north,3");
		assertThat(north.getRoom()).isEqualTo("north");
		assertThat(east.getRoom()).isEqualTo("east");
	}

	@Test
	void includedResourcesWithCompositeKeysAppearOnce() {
		Borrower ada = borrower("Ada");
		Loan first = loan("LIB", 1, "One", ada);
		loan("LIB", 2, "Two", ada);
		Shelf north = shelf("north", 3, first);
		Shelf east = shelf("east", 1, first);
		shelve(ada, north, east);

		ApiResponse borrower = this.api.get("/api/borrowers/" + ada.getId() + "?include=loans,shelves.featured");
		ApiResponse shelves = this.api.get("/api/shelves?include=featured.borrower,borrowers");

		assertThat(ids(borrower.at("/included"))).containsExactlyInAnyOrder("loans:LIB,1", "loans:LIB,2",
				"shelves:east,1", "shelves:north,3");
		assertThat(ids(shelves.at("/included"))).containsExactlyInAnyOrder("loans:LIB,1", "borrowers:" + ada.getId());
		for (JsonNode resource : borrower.at("/included")) {
			String self = resource.at("/links/self").asString();
			assertThat(this.api.get(self.substring(this.api.root().length())).status()).as(self).isEqualTo(200);
		}
	}

	@Test
	void filtersOnTheIdAndOnToOneRelationshipsTakeCompositeIds() {
		Borrower ada = borrower("Ada");
		Loan first = loan("LIB", 1, "One", ada);
		loan("LIB", 2, "Two", ada);
		loan("X,Y", 3, "Three", null);
		shelf("north", 3, first);
		shelf("east", 1, null);

		assertThat(ids(this.api.get("/api/loans?filter%5Bid%5D=LIB,2").at("/data"))).containsExactly("loans:LIB,2");
		assertThat(ids(this.api.get("/api/loans?filter%5Bid%5D=LIB,2,X%252CY,3").at("/data")))
			.containsExactly("loans:LIB,2", "loans:X%2CY,3");
		assertThat(ids(this.api.get("/api/shelves?filter%5Bid%5D=east,1").at("/data")))
			.containsExactly("shelves:east,1");
		assertThat(ids(this.api.get("/api/shelves?filter%5Bfeatured%5D=LIB,1").at("/data")))
			.containsExactly("shelves:north,3");
		String objects = segment("""
				[{"name": "id", "op": "not_in", "val": ["LIB,1", "X%2CY,3"]}]""");
		assertThat(ids(this.api.get("/api/loans?filter%5Bobjects%5D=" + objects).at("/data")))
			.containsExactly("loans:LIB,2");
		String nullFeatured = segment("""
				[{"name": "featured", "op": "is_null"}]""");
		assertThat(ids(this.api.get("/api/shelves?filter%5Bobjects%5D=" + nullFeatured).at("/data")))
			.containsExactly("shelves:east,1");
		String anyLoan = segment("""
				[{"name": "loans", "op": "any", "val": {"name": "id", "op": "==", "val": "LIB,2"}}]""");
		assertThat(ids(this.api.get("/api/borrowers?filter%5Bobjects%5D=" + anyLoan).at("/data")))
			.containsExactly("borrowers:" + ada.getId());

		String ordered = segment("""
				[{"name": "id", "op": ">", "val": "LIB,1"}]""");
		for (String query : List.of("filter%5Bid%5D=LIB", "filter%5Bid%5D=LIB,x", "filter%5Bid%5D=LIB,1,LIB",
				"filter%5Bobjects%5D=" + ordered)) {
			ApiResponse response = this.api.get("/api/loans?" + query);
			assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(400);
		}
	}

	@Test
	void sortingAndOffsetPagesOrderCompositeKeysByTheirComponents() {
		loan("B", 1, "b1", null);
		loan("A", 2, "a2", null);
		loan("A", 10, "a10", null);
		loan("B", 0, "b0", null);

		ApiResponse ascending = this.api.get("/api/loans");
		ApiResponse descending = this.api.get("/api/loans?sort=-id");
		ApiResponse secondPage = this.api.get("/api/loans?sort=title&page%5Bsize%5D=2&page%5Bnumber%5D=2");

		assertThat(ids(ascending.at("/data"))).containsExactly("loans:A,2", "loans:A,10", "loans:B,0", "loans:B,1");
		assertThat(ids(descending.at("/data"))).containsExactly("loans:B,1", "loans:B,0", "loans:A,10", "loans:A,2");
		assertThat(ids(secondPage.at("/data"))).containsExactly("loans:B,0", "loans:B,1");
	}

	@Test
	void cursorPaginationOfACompositeKeyResourceIsRefusedWithABadRequest() {
		loan("LIB", 1, "One", null);

		ApiResponse response = this.api.get("/api/loans?page%5Bsize%5D=2&page%5Bafter%5D=abc");

		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.firstError().get("detail").asString()).contains("composite key");
	}

	@Test
	void urlForGivesTheLinkOfACompositeKeyResource() {
		Loan loan = loan("A,B", 7, "Escaped", null);

		assertThat(this.restless.urlFor(Loan.class, new LoanId("A,B", 7), null)).isEqualTo("/api/loans/A%252CB%2C7");
		assertThat(this.restless.urlFor(Shelf.class, new ShelfId("north", 3), "borrowers"))
			.isEqualTo("/api/shelves/north%2C3/borrowers");
		assertThat(this.restless.urlFor(loan)).isEqualTo("/api/loans/A%252CB%2C7");
		assertThat(this.restless.primaryKeyFor(Loan.class)).isEqualTo("id");
		assertThat(this.restless.primaryKeyFor(Shelf.class)).isEqualTo("room,slot");
	}

}
