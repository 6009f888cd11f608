package dev.restless.it;

import java.util.ArrayList;
import java.util.List;

import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET} of the base path answers the index of the API: every resource with the link to its
 * collection and its model (primary key, methods, attributes, relationships and their types).
 */
class ApiIndexIT extends ApiIntegrationTest {

	@Test
	void theBasePathListsEveryCollectionWithItsLink() {
		ApiResponse index = this.api.get("/api");

		assertThat(index.status()).isEqualTo(200);
		assertThat(index.at("/links/self").asString()).isEqualTo(this.api.root() + "/api");
		assertThat(index.at("/meta/resources/people/links/self").asString())
			.isEqualTo(this.api.root() + "/api/people");
		assertThat(index.at("/meta/resources/computers/links/self").asString())
			.isEqualTo(this.api.root() + "/api/computers");
		assertThat(this.api.get("/api/").at("/meta/resources")).isEqualTo(index.at("/meta/resources"));
	}

	@Test
	void eachResourceDescribesItsModelWithoutHiddenFields() {
		JsonNode people = this.api.get("/api").at("/meta/resources/people");

		assertThat(people.get("primaryKey").asString()).isEqualTo("id");
		assertThat(strings(people.get("methods"))).containsExactly("GET", "POST", "PATCH", "DELETE");
		assertThat(strings(people.get("attributes"))).contains("name", "age", "nickname", "address")
			.doesNotContain("password", "secret", "alias", "id");
		assertThat(people.at("/relationships/computers/type").asString()).isEqualTo("computers");
		assertThat(people.at("/relationships/computers/toMany").asBoolean()).isTrue();
		JsonNode computers = this.api.get("/api").at("/meta/resources/computers");
		assertThat(computers.at("/relationships/owner/type").asString()).isEqualTo("people");
		assertThat(computers.at("/relationships/owner/toMany").asBoolean()).isFalse();
	}

	@Test
	void theIndexNamesNoClassAndCostsNoStatement() {
		ApiResponse index = this.api.get("/api");

		assertThat(index.text()).doesNotContain("dev.restless").doesNotContain("class");
		assertThat(SqlStatementCounter.count()).isZero();
	}

	@Test
	void theIndexIsReadOnly() {
		ApiResponse post = this.api.post("/api", "{\"data\": {\"type\": \"people\"}}");
		ApiResponse options = this.api.exchange("OPTIONS", "/api", "");

		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(options.status()).isEqualTo(204);
		assertThat(options.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
	}

	@Test
	void theIndexFollowsContentNegotiation() {
		ApiResponse refused = this.api.exchange("GET", "/api", "", "Accept", "text/html");

		assertThat(refused.status()).isEqualTo(406);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}
