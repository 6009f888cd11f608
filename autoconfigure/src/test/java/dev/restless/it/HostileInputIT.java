package dev.restless.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Person;
import dev.restless.it.app.Tag;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.restless.it.support.JsonApiClient.json;
import static dev.restless.it.support.Queries.encode;
import static dev.restless.it.support.Queries.objects;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a careless or hostile client sends: every one is answered with a JSON:API error with a
 * 4xx status, the same on every database, and changes nothing.
 */
class HostileInputIT extends ApiIntegrationTest {

	private Person ada;

	@BeforeEach
	void ada() {
		this.ada = new Person();
		this.ada.setName("Ada");
		this.ada.setAge(36);
		this.ada.setBirthDate(LocalDate.of(1815, 12, 10));
		this.ada.setPassword("hunter2");
		this.fixtures.persist(this.ada);
	}

	private String adaPath() {
		return "/api/people/" + this.ada.getId();
	}

	private static JsonNode assertError(ApiResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode error = response.firstError();
		assertThat(error.get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(error.get("detail").asString()).isNotBlank();
		assertThat(response.text()).doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("insert ")
			.doesNotContainIgnoringCase("update ")
			.doesNotContainIgnoringCase("person")
			.doesNotContain("hunter2")
			.doesNotContain("java.")
			.doesNotContain("org.");
		return error;
	}

	private static JsonNode assertError(ApiResponse response, int status, String pointer) {
		JsonNode error = assertError(response, status);
		assertThat(error.at("/source/pointer").asString()).isEqualTo(pointer);
		return error;
	}

	/**
	 * Send a request as raw HTTP/1.1, for request lines no URI class accepts.
	 * @param requestLine the method and the target, as sent
	 * @param body the body, sent with the JSON:API media type, or none
	 * @return the response
	 */
	private ApiResponse raw(String requestLine, String... body) throws IOException {
		String response = rawExchange(requestLine, body);
		int split = response.indexOf("\r\n\r\n");
		String[] lines = response.substring(0, split).split("\r\n");
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int index = 1; index < lines.length; index++) {
			int colon = lines[index].indexOf(':');
			headers.computeIfAbsent(lines[index].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[index].substring(colon + 1).trim());
		}
		assertThat(headers.get("Content-Type")).as(response).containsExactly(JsonApiClient.JSON_API);
		String text = response.substring(split + 4);
		return new ApiResponse(Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(headers, (a, b) -> true), text,
				JsonMapper.builder().build().readTree(text));
	}

	/**
	 * Send a request as raw HTTP/1.1.
	 * @param requestLine the method and the target, as sent
	 * @param body the body, sent with the JSON:API media type, or none
	 * @return the whole response, as received
	 */
	private String rawExchange(String requestLine, String... body) throws IOException {
		URI root = URI.create(this.api.root());
		byte[] content = (body.length > 0) ? body[0].getBytes(StandardCharsets.UTF_8) : new byte[0];
		try (Socket socket = new Socket(root.getHost(), root.getPort())) {
			socket.setSoTimeout(60_000);
			String head = requestLine + " HTTP/1.1\r\nHost: " + root.getAuthority() + "\r\nAccept: " + JsonApiClient.JSON_API
					+ "\r\nConnection: close\r\n"
					+ ((body.length > 0) ? "Content-Type: " + JsonApiClient.JSON_API + "\r\nContent-Length: "
							+ content.length + "\r\n" : "")
					+ "\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private void adaIsUnchanged() {
		Person stored = this.fixtures.read((em) -> em.find(Person.class, this.ada.getId()));
		assertThat(stored.getName()).isEqualTo("Ada");
		assertThat(stored.getAge()).isEqualTo(36);
		assertThat(stored.getBirthDate()).isEqualTo(LocalDate.of(1815, 12, 10));
		assertThat(this.fixtures.count(Person.class)).isOne();
	}

	private ApiResponse patchAda(String attributes) {
		return this.api.patch(adaPath(),
				json("{'data': {'type': 'people', 'id': '" + this.ada.getId() + "', 'attributes': " + attributes + "}}"));
	}

	private ApiResponse postPerson(String attributes) {
		return this.api.post("/api/people", json("{'data': {'type': 'people', 'attributes': " + attributes + "}}"));
	}

	@Test
	void textTooLongAndNumbersTooLargeForTheirColumnAre422() {
		String tooLong = "a".repeat(300);

		assertError(postPerson("{'name': '" + tooLong + "'}"), 422);
		assertError(patchAda("{'name': '" + tooLong + "'}"), 422);
		adaIsUnchanged();
		assertError(this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine', 'price': 1e40}}}")), 422);
		assertThat(this.fixtures.count(Computer.class)).isZero();
	}

	@Test
	void aBodyOverTheSizeLimitIs413WhetherItsLengthIsDeclaredOrNotAndChangesNothing() {
		// the test application allows 64KB
		String document = json("{'data': {'type': 'people', 'attributes': {'name': '" + "x".repeat(70 * 1024) + "'}}}");

		JsonNode declared = assertError(this.api.post("/api/people", document), 413);
		JsonNode streamed = assertError(this.api.postStreamed("/api/people", document), 413);
		JsonNode atomic = assertError(this.api.exchange("POST", "/api/operations", document, "Content-Type",
				JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC), 413);

		assertThat(declared.get("detail").asString()).isEqualTo("The request body is larger than the limit of 65536 bytes");
		assertThat(streamed).isEqualTo(declared);
		assertThat(atomic).isEqualTo(declared);
		adaIsUnchanged();
	}

	@Test
	void aBodyJustUnderTheSizeLimitIsRead() {
		String name = "x".repeat(60 * 1024);

		ApiResponse response = this.api.postStreamed("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': '" + name + "'}}}"));

		assertThat(response.status()).as("read, then refused by the column length").isEqualTo(422);
	}

	@Test
	void textWithTheNulCharacterIs400OnEveryDatabase() {
		assertError(postPerson("{'name': 'A\\u0000da'}"), 400, "/data/attributes/name");
		assertError(patchAda("{'name': 'A\\u0000da'}"), 400, "/data/attributes/name");
		assertError(patchAda("{'address': {'street': 'Main\\u0000', 'city': 'London'}}"), 400,
				"/data/attributes/address/street");
		adaIsUnchanged();
	}

	@Test
	void datesOutsideTheYears1To9999Are400ForWritesAndFilters() {
		assertError(postPerson("{'name': 'Bea', 'birthDate': '+999999999-12-31'}"), 400, "/data/attributes/birthDate");
		assertError(patchAda("{'birthDate': '0000-01-01'}"), 400, "/data/attributes/birthDate");
		assertError(patchAda("{'birthDate': '-2000-01-01'}"), 400, "/data/attributes/birthDate");
		adaIsUnchanged();

		JsonNode error = assertError(
				this.api.get("/api/people?" + objects("[{'name': 'birthDate', 'op': '<', 'val': '+999999999-12-31'}]")),
				400);
		assertThat(error.at("/source/parameter").asString()).isEqualTo("filter[objects]");
		assertError(this.api.get("/api/people?filter%5BbirthDate%5D=" + encode("+10000-01-01")), 400);
		ApiResponse lastDay = this.api
			.get("/api/people?" + objects("[{'name': 'birthDate', 'op': '<', 'val': '9999-12-31'}]"));
		assertThat(lastDay.status()).as(lastDay.text()).isEqualTo(200);
		assertThat(lastDay.at("/data").size()).isOne();
	}

	@Test
	void aLikePatternEndingWithTheEscapeCharacterIs400OnEveryDatabase() {
		Person backslash = new Person();
		backslash.setName("Ada\\");
		this.fixtures.persist(backslash);

		JsonNode error = assertError(
				this.api.get("/api/people?" + objects("[{'name': 'name', 'op': 'like', 'val': 'Ada\\\\'}]")), 400);
		assertThat(error.at("/source/parameter").asString()).isEqualTo("filter[objects]");
		assertThat(error.get("detail").asString()).contains("escape");
		assertError(this.api.get("/api/people?" + objects("[{'name': 'name', 'op': 'ilike', 'val': '%\\\\'}]")),
				400);
		ApiResponse escaped = this.api
			.get("/api/people?" + objects("[{'name': 'name', 'op': 'like', 'val': 'Ada\\\\\\\\'}]"));
		assertThat(escaped.status()).as(escaped.text()).isEqualTo(200);
		assertThat(escaped.at("/data/0/id").asString()).isEqualTo(backslash.getId().toString());
		assertThat(escaped.at("/data").size()).isOne();
	}

	@Test
	void malformedPercentEncodingInTheQueryIs400() throws IOException {
		assertError(raw("GET /api/people?%ZZ=1"), 400);
		assertError(raw("GET /api/people?sort=%ZZ"), 400);
		assertError(raw("GET /api/people?=1"), 400);
		assertError(raw("GET " + adaPath() + "/computers?page%5Bsize%5D=%E2%82"), 400);
		String document = json("{'data': {'type': 'people', 'id': '" + this.ada.getId()
				+ "', 'attributes': {'name': 'Eve'}}}");
		assertError(raw("PATCH " + adaPath() + "?include=%E2%82", document), 400);
		adaIsUnchanged();
	}

	@Test
	void urlsTheServerRefusesBeforeAnyHandlerSeesThemAreJsonApiErrorsUnderTheBasePath() throws IOException {
		for (String target : new String[] { adaPath() + "%2Fcomputers", "/api/people/%00", "/api/../../people" }) {
			JsonNode error = assertError(raw("GET " + target), 400);
			assertThat(error.get("title").asString()).isEqualTo("Invalid request URL");
		}
		String document = json("{'data': {'type': 'people', 'id': '" + this.ada.getId()
				+ "', 'attributes': {'name': 'Eve'}}}");
		assertError(raw("PATCH " + adaPath() + "%2F", document), 400);
		adaIsUnchanged();

		String elsewhere = rawExchange("GET /elsewhere%2Fpeople");
		assertThat(elsewhere).as("outside the API the container answers as usual").startsWith("HTTP/1.1 400")
			.doesNotContain(JsonApiClient.JSON_API);
	}

	@Test
	void anUnparsableContentTypeIs415ForWritesAndIgnoredByReads() {
		String document = json("{'data': {'type': 'people', 'id': '" + this.ada.getId() + "', 'attributes': {'name': 'Eve'}}}");
		for (String contentType : new String[] { "garbage", "application/vnd.api+json; ext=",
				"application/vnd.api+json, text/plain" }) {
			JsonNode error = assertError(this.api.exchange("PATCH", adaPath(), document, "Content-Type", contentType),
					415);
			assertThat(error.at("/source/header").asString()).isEqualTo("Content-Type");
		}
		assertThat(this.api.exchange("GET", adaPath(), null, "Content-Type", "garbage").status()).isEqualTo(200);
		assertThat(this.api.exchange("GET", adaPath() + "/relationships/computers", null, "Content-Type", "garbage")
			.status()).isEqualTo(200);
		assertThat(this.api.exchange("DELETE", "/api/people/0", null, "Content-Type", "garbage").status())
			.isEqualTo(404);
		adaIsUnchanged();
	}

	@Test
	void duplicateMemberNamesInARequestDocumentAre400() {
		JsonNode error = assertError(this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Bea', 'name': 'Eve'}}}")), 400);
		assertThat(error.get("detail").asString()).contains("names the same member twice");
		assertError(this.api.patch(adaPath(), json("{'data': {'type': 'people', 'id': '" + this.ada.getId()
				+ "', 'attributes': {'age': 1}}, 'data': {'type': 'people', 'id': '" + this.ada.getId() + "'}}")), 400);
		adaIsUnchanged();
	}

	@Test
	void aNumberWithAFractionIsRefusedByAnIntegerAttribute() {
		assertError(patchAda("{'age': 1.5}"), 400, "/data/attributes/age");
		assertError(postPerson("{'name': 'Bea', 'age': 2.01}"), 400, "/data/attributes/age");
		ApiResponse whole = patchAda("{'age': 37.0}");
		assertThat(whole.status()).as(whole.text()).isEqualTo(200);
		assertThat(whole.at("/data/attributes/age").asInt()).isEqualTo(37);
	}

	@Test
	void anIdIsOnlyRecognisedInItsCanonicalForm() {
		long id = this.ada.getId();
		for (String alias : new String[] { "0" + id, "+" + id, "%20" + id, "0x" + Long.toHexString(id),
				"%23" + Long.toHexString(id), id + ".0" }) {
			assertError(this.api.get("/api/people/" + alias), 404);
		}
		assertError(this.api.patch("/api/people/0" + id,
				json("{'data': {'type': 'people', 'id': '0" + id + "', 'attributes': {'name': 'Eve'}}}")), 404);
		assertError(this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'Engine'}, 'relationships': {'owner': "
						+ "{'data': {'type': 'people', 'id': '0" + id + "'}}}}}")), 404, "/data/relationships/owner/data");
		assertThat(this.fixtures.count(Computer.class)).isZero();
		adaIsUnchanged();

		assertError(this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '1-1-1-1-1', 'attributes': {'label': 'short'}}}")), 400,
				"/data/id");
		assertThat(this.fixtures.count(Tag.class)).isZero();
		String upper = "0F8FAD5B-D9CB-469F-A165-70867728950E";
		ApiResponse created = this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '" + upper + "', 'attributes': {'label': 'upper'}}}"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(this.api.get("/api/tags/" + upper).status()).isEqualTo(200);
		assertThat(this.api.get("/api/tags/" + upper.toLowerCase()).status()).isEqualTo(200);
	}

	@Test
	void optionsAnswersTheMethodsTheEndpointServesForTheResource() {
		ApiResponse collection = this.api.exchange("OPTIONS", "/api/people", null);
		assertThat(collection.status()).isEqualTo(204);
		assertThat(collection.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", adaPath(), null).header("Allow"))
			.isEqualTo("GET, HEAD, PATCH, DELETE, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", adaPath() + "/computers", null).header("Allow"))
			.isEqualTo("GET, HEAD, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", adaPath() + "/relationships/computers", null).header("Allow"))
			.isEqualTo("GET, HEAD, POST, PATCH, DELETE, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", "/api/country", null).header("Allow"))
			.isEqualTo("GET, HEAD, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", "/api/country/xx/relationships/any", null).header("Allow"))
			.isEqualTo("GET, HEAD, OPTIONS");
		assertThat(this.api.exchange("OPTIONS", "/api/eval/measurements", null).header("Allow"))
			.isEqualTo("GET, HEAD, OPTIONS");
		assertError(this.api.exchange("OPTIONS", "/api/eval/people", null), 404);
		assertError(this.api.exchange("OPTIONS", "/api/unicorns", null), 404);
		assertError(this.api.exchange("OPTIONS", "/api/people/1/a/b/c/d", null), 404);
	}

	@Test
	void everyMalformedBodyOnEveryWriteEndpointIsAJsonApi4xxAndChangesNothing() {
		Computer engine = new Computer();
		engine.setName("Engine");
		engine.setOwner(this.ada);
		this.fixtures.persist(engine);
		String[] bodies = { "", "null", "[]", "42", "\"data\"", "{", "{\"data\": 1}",
				"{\"data\": \"x\"}", "{\"data\": {\"type\": []}}", "{\"data\": {\"type\": \"people\", "
						+ "\"attributes\": [1]}}",
				"{\"data\": {\"type\": \"people\", \"attributes\": {\"age\": {}}}}",
				"{\"data\": {\"type\": \"people\", \"relationships\": {\"computers\": [1]}}}",
				"{\"data\": {\"type\": \"people\", \"relationships\": {\"computers\": {\"data\": {}}}}}",
				"{\"data\": [{\"type\": \"computers\"}]}", "{\"data\": [{\"id\": \"1\"}]}",
				"{\"data\": [{\"type\": \"computers\", \"id\": 1}]}", "{\"data\": [null]}",
				"[".repeat(5000) + "]".repeat(5000) };
		String[] paths = { "/api/people", adaPath(), adaPath() + "/relationships/computers",
				"/api/computers/" + engine.getId() + "/relationships/owner" };
		for (String path : paths) {
			for (String method : new String[] { "POST", "PATCH", "DELETE" }) {
				for (String body : bodies) {
					ApiResponse response = this.api.exchange(method, path, body, "Content-Type",
							JsonApiClient.JSON_API, "Accept", JsonApiClient.JSON_API);
					if (response.status() != 405) {
						assertThat(response.status()).as(method + " " + path + " " + body).isBetween(400, 499);
						assertError(response, response.status());
					}
				}
			}
		}
		adaIsUnchanged();
		Long owner = this.fixtures.read((em) -> em.find(Computer.class, engine.getId()).getOwner().getId());
		assertThat(owner).isEqualTo(this.ada.getId());
	}

	@Test
	void absurdQueryParametersAreJsonApi400s() {
		String[] queries = { "sort=", "sort=-", "sort=--name", "sort=password", "sort=computers.name",
				"include=,", "include=password", "include=" + "computers.owner.".repeat(50) + "computers",
				"fields%5Bpeople%5D=password", "fields%5Bunicorns%5D=a", "page%5Bnumber%5D=0",
				"page%5Bnumber%5D=99999999999", "page%5Bsize%5D=-1", "page%5Bsize%5D=1e3", "page%5Bfoo%5D=1",
				"sort=name&sort=age", "filter%5Bpassword%5D=hunter2", "filter%5Bsingle%5D=2", "bogus=1",
				"filter%5Bname%5D%5Bx%5D=Ada", "page%5Bsize%5D%5B%5D=1", "fields%5Bpeople%5D%5Bx%5D=name",
				"include%5B%5D=computers",
				"filter%5Bobjects%5D=" + encode("[{\"name\": \"password\", \"op\": \"is_null\"}]") };
		for (String query : queries) {
			ApiResponse response = this.api.get("/api/people?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertError(response, 400);
			assertThat(response.firstError().at("/source/parameter").isString()).as(query).isTrue();
		}
	}

	@Test
	void namesWithSpacesOrControlCharactersAroundThemAreUnknownNames() {
		Map<String, String> queries = Map.of("sort=name%00", "sort", "sort=%20name%20", "sort", "sort=name,%09age",
				"sort", "fields%5Bpeople%5D=name%00", "fields[people]", "fields%5Bpeople%5D=%20name",
				"fields[people]", "fields%5Bpeople%5D=%20", "fields[people]", "include=computers%00", "include",
				"include=%20computers", "include", "include=%20", "include");
		queries.forEach((query, parameter) -> {
			ApiResponse response = this.api.get(adaPath() + "?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertError(response, 400);
			assertThat(response.firstError().at("/source/parameter").asString()).as(query).isEqualTo(parameter);
		});
		assertThat(this.api.get(adaPath() + "?sort=name,-age&fields%5Bpeople%5D=name,computers&include=computers").status())
			.isEqualTo(200);
	}

}
