package dev.restless.sample;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a multi-user API: goals need a signed-in user, who reaches only their own goal
 * tree however they ask (an admin reaches all of them); people are read by anyone and written by
 * editors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleSecurityTests {

	private static final String ALL_GOALS = "/api/goals?page[size]=50&include=owner";

	private static final String PERSON = "{'data': {'type': 'people', 'attributes': {'name': 'Hedy Lamarr', "
			+ "'age': 85, 'email': 'hedy@example.com'}}}";

	@LocalServerPort
	private int port;

	private SampleClient client;

	@BeforeEach
	void connect() {
		this.client = new SampleClient(this.port);
	}

	@Test
	void anAnonymousCallerIsAskedToSignInForGoals() throws Exception {
		SampleClient.Reply reply = this.client.anonymous("GET", "/api/goals", null);

		assertRefused(reply, 401);
		assertThat(reply.header("WWW-Authenticate")).startsWith("Basic ");
	}

	@Test
	void aWrongPasswordIsRefused() throws Exception {
		SampleClient.Reply reply = this.client.withPassword("ada", "babbage", "GET", "/api/people", null);

		assertRefused(reply, 401);
	}

	@Test
	void aUserReadsOnlyTheirOwnGoalsAndTheirCount() throws Exception {
		SampleClient.Reply ada = this.client.as("ada", "GET", ALL_GOALS, null);

		assertThat(ada.status()).as(ada.toString()).isEqualTo(200);
		assertThat(ada.at("/meta/total").asInt()).isEqualTo(5);
		assertThat(ada.at("/data").size()).isEqualTo(5);
		assertThat(ownerNames(ada)).containsExactly("ada");
		SampleClient.Reply newcomer = this.client.as("newcomer", "GET", ALL_GOALS, null);
		assertThat(newcomer.at("/meta/total").asInt()).isZero();
		assertThat(newcomer.at("/data").size()).isZero();
	}

	@Test
	void anotherUsersGoalIsAsIfItDidNotExist() throws Exception {
		String adasGoal = this.client.as("ada", "GET", "/api/goals?page[size]=1", null).at("/data/0/id").asString();

		SampleClient.Reply grace = this.client.as("grace", "GET", "/api/goals/" + adasGoal, null);

		assertThat(grace.status()).as(grace.toString()).isEqualTo(404);
		assertThat(grace.toString()).doesNotContain("Write the first program");
	}

	@Test
	void includingGoalsThroughUsersShowsOnlyTheCallersGoals() throws Exception {
		SampleClient.Reply grace = this.client.as("grace", "GET", "/api/users?include=goals&page[size]=50", null);

		assertThat(grace.status()).as(grace.toString()).isEqualTo(200);
		List<String> includedTitles = new ArrayList<>();
		for (JsonNode included : grace.at("/included")) {
			assertThat(included.get("type").asString()).isEqualTo("goals");
			includedTitles.add(included.at("/attributes/title").asString());
		}
		assertThat(includedTitles).hasSize(5).contains("Build a compiler").doesNotContain("Write the first program");
		for (JsonNode user : grace.at("/data")) {
			int goals = user.at("/relationships/goals/data").size();
			assertThat(goals).as("goals linked to %s", user.at("/attributes/username").asString())
				.isEqualTo(user.at("/attributes/username").asString().equals("grace") ? 5 : 0);
		}
		assertThat(grace.toString()).doesNotContain("password").doesNotContain("$2a$");
	}

	@Test
	void anAdminReadsEveryGoal() throws Exception {
		SampleClient.Reply admin = this.client.as("admin", "GET", ALL_GOALS, null);

		assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
		assertThat(admin.at("/meta/total").asInt()).isEqualTo(10);
		assertThat(ownerNames(admin)).containsExactlyInAnyOrder("ada", "grace");
	}

	@Test
	void aUserCannotCreateAGoalForAnotherUser() throws Exception {
		String grace = this.client.as("admin", "GET", "/api/users?filter[username]=grace", null)
			.at("/data/0/id")
			.asString();

		SampleClient.Reply reply = this.client.as("ada", "POST", "/api/goals", "{'data': {'type': 'goals', "
				+ "'attributes': {'title': 'Sabotage'}, 'relationships': {'owner': {'data': {'type': 'users', "
				+ "'id': '" + grace + "'}}}}}");

		assertRefused(reply, 403);
		assertThat(this.client.as("admin", "GET", "/api/goals?filter[title]=Sabotage", null).at("/data").size())
			.isZero();
	}

	@Test
	void anyoneReadsPeopleButOnlyEditorsWriteThem() throws Exception {
		assertThat(this.client.anonymous("GET", "/api/people", null).status()).isEqualTo(200);

		SampleClient.Reply anonymous = this.client.anonymous("POST", "/api/people", PERSON);
		assertRefused(anonymous, 401);
		assertRefused(this.client.as("ada", "POST", "/api/people", PERSON), 403);

		SampleClient.Reply editor = this.client.as("editor", "POST", "/api/people", PERSON);
		assertThat(editor.status()).as(editor.toString()).isEqualTo(201);
		assertThat(editor.at("/data/attributes/name").asString()).isEqualTo("Hedy Lamarr");
		assertThat(this.client.as("editor", "DELETE", "/api/people/" + editor.at("/data/id").asString(), null)
			.status()).isEqualTo(204);
	}

	private static List<String> ownerNames(SampleClient.Reply reply) {
		List<String> names = new ArrayList<>();
		for (JsonNode included : reply.at("/included")) {
			if (included.get("type").asString().equals("users")) {
				names.add(included.at("/attributes/username").asString());
			}
		}
		return names;
	}

	private static void assertRefused(SampleClient.Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).isEqualTo(SampleClient.JSON_API);
		assertThat(reply.at("/errors/0/status").asString()).isEqualTo(Integer.toString(status));
	}

}
