package dev.restless.internal.web;

import dev.restless.Restless;
import dev.restless.it.app.Person;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application served under a context path ({@code server.servlet.context-path}) with its
 * dispatcher servlet under a path of its own ({@code spring.mvc.servlet.path}): every link,
 * {@code Location} and URL Restless writes carries both. Runs the test application on an
 * in-memory database of its own.
 */
class ServletPathTest {

	private static ConfigurableApplicationContext context;

	private static JsonApiClient api;

	private static String root;

	@BeforeAll
	static void start() {
		context = OwnTestApplication.start("servlet-path", new Class<?>[0], "--server.servlet.context-path=/shop",
				"--spring.mvc.servlet.path=/x");
		String server = OwnTestApplication.root(context);
		root = server + "/shop/x/api";
		api = new JsonApiClient(server).checkingEach(JsonApiSchema::validate);
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void linksAndLocationCarryTheContextPathAndTheServletPath() {
		ApiResponse created = api.post("/shop/x/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"));
		String id = created.at("/data/id").asString();
		api.post("/shop/x/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Bo'}}}"));

		ApiResponse page = api.get("/shop/x/api/people?page%5Bsize%5D=1&sort=name");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo(root + "/people/" + id);
		assertThat(created.at("/data/links/self").asString()).isEqualTo(root + "/people/" + id);
		assertThat(page.at("/data/0/relationships/computers/links/related").asString())
			.isEqualTo(root + "/people/" + id + "/computers");
		assertThat(page.at("/links/next").asString()).startsWith(root + "/people?");
	}

	@Test
	void aUrlTheServerRefusesUnderTheApiIsAJsonApiError() {
		ApiResponse refused = api.get("/shop/x/api/people/1%2F2");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).isEqualTo(JsonApiClient.JSON_API);
		assertThat(refused.firstError().get("title").asString()).isEqualTo("Invalid request URL");
	}

	@Test
	void urlForOutsideARequestIsThePathFromTheServerRoot() {
		assertThat(context.getBean(Restless.class).urlFor(Person.class, 7, null)).isEqualTo("/shop/x/api/people/7");
	}

	@Test
	void urlForInsideARequestCarriesTheContextPathAndTheServletPath() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/x/api/people");
		request.setContextPath("/shop");
		request.setServletPath("/x");
		request.setPathInfo("/api/people");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		try {
			assertThat(context.getBean(Restless.class).urlFor(Person.class, 7, "computers"))
				.isEqualTo("http://localhost/shop/x/api/people/7/computers");
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

}
