package dev.restless.internal.web;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that puts a JSON message converter of its own first, as
 * {@code addCustomConverter} does, still gets Restless's documents as JSON objects: a converter
 * ahead of Spring's byte-array converter would otherwise write each document's bytes as a base64
 * string, successes and errors alike. Runs the test application on an in-memory database of its
 * own, since the shared context of the integration tests keeps the default converters.
 */
class ApplicationMessageConvertersTest {

	private static ConfigurableApplicationContext context;

	private static JsonApiClient api;

	private static JsonApiClient atomic;

	@BeforeAll
	static void start() {
		context = OwnTestApplication.start("converters", new Class<?>[] { JsonConverterFirst.class });
		api = new JsonApiClient(OwnTestApplication.root(context))
			.checkingEach(ApplicationMessageConvertersTest::isJsonApiObject)
			.checkingEach(JsonApiSchema::validate);
		// The official schema predates the Atomic Operations extension and refuses its members.
		atomic = new JsonApiClient(api.root()).checkingEach(ApplicationMessageConvertersTest::isJsonApiObject);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	private static void isJsonApiObject(ApiResponse response) {
		if (!response.text().isEmpty()) {
			assertThat(response.header("Content-Type")).as("Content-Type of %s", response)
				.startsWith(JsonApiClient.JSON_API);
			assertThat(response.text()).as("body of %s", response).startsWith("{");
		}
	}

	@Test
	void createdAndReadResourcesAreDocuments() {
		ApiResponse created = api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"));
		String id = created.at("/data/id").asString();

		ApiResponse read = api.get("/api/people/" + id);
		ApiResponse page = api.get("/api/people");

		assertThat(created.status()).isEqualTo(201);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.at("/data/attributes/name").asString()).isEqualTo("Ada");
		assertThat(page.at("/data").findValuesAsString("id")).contains(id);
	}

	@Test
	void errorsAreErrorDocuments() {
		ApiResponse unknown = api.get("/api/nothing-here");
		ApiResponse malformedFilter = api.get("/api/people?filter%5Bobjects%5D=nope");
		ApiResponse notAcceptable = api.exchange("GET", "/api/people", null, "Accept", "text/html");
		ApiResponse invalid = api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'nope': 1}}}"));

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.firstError().get("status").asString()).isEqualTo("404");
		assertThat(malformedFilter.status()).isEqualTo(400);
		assertThat(malformedFilter.firstError().get("status").asString()).isEqualTo("400");
		assertThat(notAcceptable.status()).isEqualTo(406);
		assertThat(notAcceptable.firstError().get("status").asString()).isEqualTo("406");
		assertThat(invalid.status()).isBetween(400, 499);
		assertThat(invalid.firstError().get("status").asString()).isEqualTo(String.valueOf(invalid.status()));
	}

	@Test
	void atomicOperationsAnswerWithDocuments() {
		ApiResponse result = atomic.exchange("POST", "/api/operations",
				json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Bo'}}}]}"),
				"Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.at("/atomic:results/0/data/attributes/name").asString()).isEqualTo("Bo");
	}

	/** What an application does to have its own JSON converter win over the defaults. */
	@Configuration(proxyBeanMethods = false)
	static class JsonConverterFirst implements WebMvcConfigurer {

		@Override
		public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
			builder.addCustomConverter(new JacksonJsonHttpMessageConverter());
		}

	}

}
