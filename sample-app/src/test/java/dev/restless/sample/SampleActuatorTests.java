package dev.restless.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Actuator, the sample serves the restless endpoint and tags its request metrics with the
 * resource and the operation, unknown collections sharing one value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleActuatorTests {

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static List<String> tagValues(JsonNode metric, String tag) {
		List<String> values = new ArrayList<>();
		for (JsonNode available : metric.get("availableTags")) {
			if (available.get("tag").asString().equals(tag)) {
				available.get("values").forEach((value) -> values.add(value.asString()));
			}
		}
		return values;
	}

	@Test
	void theRestlessEndpointListsTheResourcesWithTheirEffectiveSettings() throws Exception {
		JsonNode restless = json("/actuator/restless");

		assertThat(restless.at("/basePath").asString()).isEqualTo("/api");
		assertThat(restless.at("/resources/computers/maxPageSize").asInt()).isEqualTo(50);
		assertThat(restless.at("/resources/people/methods").toString())
			.isEqualTo("[\"GET\",\"POST\",\"PATCH\",\"DELETE\"]");
		assertThat(restless.at("/resources/people/relationships/computers").asString()).isEqualTo("computers");
	}

	@Test
	void requestMetricsNameTheResourceAndTheOperationAndShareOneValueForUnknownCollections() throws Exception {
		get("/api/people/1");
		get("/api/computers?page[size]=2");
		get("/api/no-such-collection-1/1");
		get("/api/no-such-collection-2/2");

		JsonNode requests = json("/actuator/metrics/http.server.requests");

		assertThat(tagValues(requests, "restless.resource")).contains("people", "computers", "unknown")
			.doesNotContain("no-such-collection-1", "no-such-collection-2");
		assertThat(tagValues(requests, "restless.operation")).contains("GET_RESOURCE", "GET_COLLECTION");
		assertThat(tagValues(requests, "uri")).contains("/api/people/{id}", "/api/computers",
				"/api/{collection}/{id}");
		JsonNode people = json("/actuator/metrics/http.server.requests?tag=restless.resource:people"
				+ "&tag=restless.operation:GET_RESOURCE");
		assertThat(people.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
	}

}
