package dev.restless.internal.document;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource without {@code GET} enabled (here {@code people}, which only allows {@code POST}) is
 * rendered without the links a client could not follow: its own {@code self}, and the
 * {@code self} and {@code related} links of its relationships, all of which would answer
 * {@code 405}. Runs the test application on an in-memory database of its own.
 */
class LinksOfResourcesWithoutGetTest {

	private static ConfigurableApplicationContext context;

	private static JsonApiClient api;

	@BeforeAll
	static void start() {
		context = OwnTestApplication.start("links-without-get", new Class<?>[0],
				"--restless.resources.people.methods=POST");
		api = new JsonApiClient(OwnTestApplication.root(context)).checkingEach(JsonApiSchema::validate);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void theCreatedResourceOfAPostOnlyResourceHasNoLinksButItsLocation() {
		ApiResponse created = api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.at("/data/id").asString();
		assertThat(created.header("Location")).isEqualTo(api.root() + "/api/people/" + id);
		assertThat(api.get("/api/people/" + id).status()).isEqualTo(405);
		assertThat(created.at("/links").isMissingNode()).isTrue();
		assertThat(created.at("/data/links").isMissingNode()).isTrue();
		assertUnlinkedRelationships(created.at("/data"));
	}

	@Test
	void anIncludedResourceWithoutGetHasNoLinksWhileTheOthersKeepTheirs() {
		String person = api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Grace'}}}"))
			.at("/data/id")
			.asString();
		ApiResponse created = api.post("/api/computers?include=owner",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine'}, 'relationships': "
						+ "{'owner': {'data': {'type': 'people', 'id': '" + person + "'}}}}}"));
		String computer = created.at("/data/id").asString();
		ApiResponse read = api.get("/api/computers/" + computer + "?include=owner");

		for (ApiResponse response : new ApiResponse[] { created, read }) {
			assertThat(response.status()).as(response.text()).isIn(200, 201);
			assertThat(response.at("/data/links/self").asString())
				.isEqualTo(api.root() + "/api/computers/" + computer);
			assertThat(response.at("/data/relationships/owner/links/related").asString())
				.isEqualTo(api.root() + "/api/computers/" + computer + "/owner");
			JsonNode owner = response.at("/included/0");
			assertThat(owner.at("/id").asString()).isEqualTo(person);
			assertThat(owner.at("/links").isMissingNode()).isTrue();
			assertUnlinkedRelationships(owner);
		}
	}

	/** Every relationship object of a resource without GET carries its linkage and no links. */
	private static void assertUnlinkedRelationships(JsonNode resource) {
		for (JsonNode relationship : resource.at("/relationships")) {
			assertThat(relationship.has("links")).as(relationship.toString()).isFalse();
			assertThat(relationship.has("data")).as(relationship.toString()).isTrue();
		}
	}

}
