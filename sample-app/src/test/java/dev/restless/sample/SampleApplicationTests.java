package dev.restless.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on H2 with its seed data and serves it through the starter alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	private JsonNode get(String path, String... credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/vnd.api+json");
		if (credentials.length == 2) {
			request.header("Authorization", SampleClient.basic(credentials[0], credentials[1]));
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.api+json");
		return JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void theSeededPeopleAreServedWithoutTheirPasswords() throws Exception {
		JsonNode people = get("/api/people?sort=name&page[size]=5");

		assertThat(people.at("/meta/total").asInt()).isEqualTo(12);
		assertThat(people.at("/data").size()).isEqualTo(5);
		assertThat(people.at("/data/0/attributes/name").asString()).isEqualTo("Ada Lovelace");
		assertThat(people.toString()).doesNotContain("password").doesNotContain("not-for-your-eyes");
	}

	@Test
	void theSeededGoalsFormTrees() throws Exception {
		JsonNode goals = get("/api/goals?sort=id&page[size]=20", "admin", "admin");

		assertThat(goals.at("/meta/total").asInt()).isEqualTo(10);
		assertThat(goals.at("/data/0/relationships/parent/data").isNull()).isTrue();
		assertThat(goals.at("/data/1/relationships/parent/data/id").asString())
			.isEqualTo(goals.at("/data/0/id").asString());
	}

}
