package dev.restless.internal.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationLinkHeaderTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void theLinksThatExistBecomeOneHeaderInPageOrder() {
		ObjectNode document = this.mapper.createObjectNode();
		ObjectNode links = document.putObject("links");
		links.put("self", "http://x/api/people?page%5Bnumber%5D=1");
		links.put("first", "http://x/api/people?page%5Bnumber%5D=1");
		links.put("last", "http://x/api/people?page%5Bnumber%5D=3");
		links.putNull("prev");
		links.put("next", "http://x/api/people?page%5Bnumber%5D=2");

		assertThat(PaginationLinkHeader.of(document)).isEqualTo("<http://x/api/people?page%5Bnumber%5D=1>; rel=\"first\", "
				+ "<http://x/api/people?page%5Bnumber%5D=2>; rel=\"next\", <http://x/api/people?page%5Bnumber%5D=3>; rel=\"last\"");
	}

	@Test
	void documentsWithoutPaginationLinksGetNoHeader() {
		ObjectNode single = this.mapper.createObjectNode();
		single.putObject("links").put("self", "http://x/api/people/1");

		assertThat(PaginationLinkHeader.of(single)).isNull();
		assertThat(PaginationLinkHeader.of(null)).isNull();
		assertThat(PaginationLinkHeader.of(this.mapper.createObjectNode())).isNull();
	}

	@Test
	void linksTooLongForAHeaderAreLeftToTheDocument() {
		ObjectNode document = this.mapper.createObjectNode();
		String query = "x".repeat(PaginationLinkHeader.MAX_LENGTH / 2);
		document.putObject("links").put("first", "http://x/api/people?q=" + query).put("next",
				"http://x/api/people?q=" + query + "&page%5Bnumber%5D=2");

		assertThat(PaginationLinkHeader.of(document)).isNull();
	}

}
