package dev.restless.it;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.restless.ProcessingException;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Counter;
import dev.restless.it.app.Folder;
import dev.restless.it.app.Note;
import dev.restless.it.app.Person;
import dev.restless.it.app.Sheet;
import dev.restless.it.app.Tag;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OpenApiResponses;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class AtomicOperationsIT extends ApiIntegrationTest {

	private static final String ATOMIC = JsonApiClient.ATOMIC;

	private static final Set<String> RESULTS_DOCUMENT_MEMBERS = Set.of("jsonapi", "meta", "links", "atomic:results");

	private JsonApiClient atomic;

	@BeforeEach
	void atomicClient() {
		this.atomic = new JsonApiClient(this.api.root()).checkingEach(AtomicOperationsIT::isAtomicDocument)
			.checkingEach(OpenApiResponses::validate);
	}

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	/**
	 * The official schema knows no extension members: a results document is checked member by
	 * member, and each result's data as the primary data of a document.
	 */
	private static void isAtomicDocument(ApiResponse response) {
		if (response.body() == null) {
			return;
		}
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(response.header("Content-Type")).startsWith(JsonApiClient.JSON_API);
		JsonNode results = response.body().get("atomic:results");
		if (results == null) {
			JsonApiSchema.validate(response);
			return;
		}
		assertThat(response.body().propertyNames()).as("members of %s", response).isSubsetOf(RESULTS_DOCUMENT_MEMBERS);
		for (JsonNode result : results) {
			assertThat(result.isObject()).isTrue();
			assertThat(result.propertyNames()).isSubsetOf("data", "meta");
			if (result.has("data")) {
				ObjectNode document = JsonNodeFactory.instance.objectNode();
				document.set("data", result.get("data"));
				JsonApiSchema.validate(new ApiResponse(200, null, document.toString(), document));
			}
		}
	}

	private ApiResponse operations(String json) {
		return this.atomic.exchange("POST", "/api/operations", json(json), "Content-Type", ATOMIC, "Accept", ATOMIC);
	}

	private static String ops(String... operations) {
		return "{'atomic:operations': [" + String.join(", ", operations) + "]}";
	}

	private static String addCounter(String lid, String name, long value) {
		return "{'op': 'add', 'data': {'type': 'counters'" + ((lid != null) ? ", 'lid': '" + lid + "'" : "")
				+ ", 'attributes': {'name': '" + name + "', 'value': " + value + "}}}";
	}

	private Counter counter(String name, long value) {
		Counter counter = new Counter(name, value);
		this.fixtures.persist(counter);
		return counter;
	}

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		this.fixtures.persist(person);
		return person;
	}

	private static void assertError(ApiResponse response, int status, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().has("atomic:results")).isFalse();
		assertThat(response.firstError().get("status").asString()).isEqualTo(Integer.toString(status));
		assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo(pointer);
	}

	private static void assertErrorWithin(ApiResponse response, int status, String operation, String attribute) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.body().has("atomic:results")).isFalse();
		assertThat(response.firstError().at("/source/pointer").asString()).isIn(operation, operation + attribute);
	}

	// ---- negotiation

	@Test
	void theExtensionMustBeInTheContentType() {
		String body = json(ops(addCounter(null, "a", 1)));

		ApiResponse plain = this.atomic.exchange("POST", "/api/operations", body, "Content-Type",
				JsonApiClient.JSON_API, "Accept", ATOMIC);
		ApiResponse other = this.atomic.exchange("POST", "/api/operations", body, "Content-Type",
				"application/vnd.api+json;ext=\"https://example.com/ext/other\"", "Accept", ATOMIC);
		ApiResponse json = this.atomic.exchange("POST", "/api/operations", body, "Content-Type", "application/json",
				"Accept", ATOMIC);

		assertThat(plain.status()).isEqualTo(415);
		assertThat(plain.firstError().at("/source/header").asString()).isEqualTo("Content-Type");
		assertThat(other.status()).isEqualTo(415);
		assertThat(json.status()).isEqualTo(415);
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void theExtensionMustBeAcceptable() {
		String body = json(ops(addCounter(null, "a", 1)));

		ApiResponse plain = this.atomic.exchange("POST", "/api/operations", body, "Content-Type", ATOMIC, "Accept",
				JsonApiClient.JSON_API);
		ApiResponse json = this.atomic.exchange("POST", "/api/operations", body, "Content-Type", ATOMIC, "Accept",
				"application/json");
		long countAfterRefusals = this.fixtures.count(Counter.class);
		ApiResponse anything = this.atomic.exchange("POST", "/api/operations", body, "Content-Type", ATOMIC, "Accept",
				"*/*");
		ApiResponse either = this.atomic.exchange("POST", "/api/operations", body, "Content-Type", ATOMIC, "Accept",
				JsonApiClient.JSON_API + ", " + ATOMIC);

		assertThat(plain.status()).isEqualTo(406);
		assertThat(plain.firstError().at("/source/header").asString()).isEqualTo("Accept");
		assertThat(json.status()).isEqualTo(406);
		assertThat(countAfterRefusals).isZero();
		assertThat(anything.status()).as(anything.text()).isEqualTo(200);
		assertThat(either.status()).as(either.text()).isEqualTo(200);
	}

	@Test
	void resourceEndpointsRefuseTheAtomicExtension() {
		Counter counter = counter("a", 1);
		String body = json("{'data': {'type': 'counters', 'attributes': {'name': 'b'}}}");

		ApiResponse post = this.api.exchange("POST", "/api/counters", body, "Content-Type", ATOMIC, "Accept",
				JsonApiClient.JSON_API);
		ApiResponse get = this.api.exchange("GET", "/api/counters/" + counter.getId(), null, "Accept", ATOMIC);
		ApiResponse getWithFallback = this.api.exchange("GET", "/api/counters/" + counter.getId(), null, "Accept",
				ATOMIC + ", " + JsonApiClient.JSON_API);

		assertThat(post.status()).isEqualTo(415);
		assertThat(post.firstError().get("detail").asString()).contains("operations endpoint");
		assertThat(get.status()).isEqualTo(406);
		assertThat(getWithFallback.status()).isEqualTo(200);
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
	}

	@Test
	void operationsAreSentWithPostOnly() {
		ApiResponse get = this.atomic.exchange("GET", "/api/operations", null, "Accept", ATOMIC);

		assertThat(get.status()).isEqualTo(405);
		assertThat(get.header("Allow")).isEqualTo("POST");
	}

	// ---- operations

	@Test
	void operationsRunInOrderAndAnswerTheirResultsInOrderWithTheExtensionInTheContentType() {
		Counter doomed = counter("doomed", 0);

		ApiResponse response = operations(ops(addCounter("c1", "first", 1),
				"{'op': 'update', 'data': {'type': 'counters', 'lid': 'c1', 'attributes': {'value': 10}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}",
				"{'op': 'remove', 'ref': {'type': 'counters', 'id': '" + doomed.getId() + "'}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.header("Content-Type")).contains("ext=\"https://jsonapi.org/ext/atomic\"");
		assertThat(response.at("/jsonapi/ext/0").asString()).isEqualTo("https://jsonapi.org/ext/atomic");
		JsonNode results = response.at("/atomic:results");
		assertThat(results.size()).isEqualTo(4);
		String counterId = results.get(0).at("/data/id").asString();
		assertThat(results.get(0).at("/data/type").asString()).isEqualTo("counters");
		assertThat(results.get(0).at("/data/attributes/value").asLong()).isEqualTo(1);
		assertThat(results.get(0).at("/data/meta/version").asLong()).isZero();
		assertThat(results.get(0).at("/data/links/self").asString())
			.isEqualTo(this.api.root() + "/api/counters/" + counterId);
		assertThat(results.get(1).at("/data/id").asString()).isEqualTo(counterId);
		assertThat(results.get(1).at("/data/attributes/value").asLong()).isEqualTo(10);
		assertThat(results.get(1).at("/data/meta/version").asLong()).isEqualTo(1);
		assertThat(results.get(2).at("/data/attributes/name").asString()).isEqualTo("Ada");
		assertThat(results.get(3).isEmpty()).isTrue();
		long value = this.fixtures.read((em) -> em.find(Counter.class, Long.valueOf(counterId)).getValue());
		assertThat(value).isEqualTo(10);
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
	}

	@Test
	void localIdsLinkResourcesCreatedInTheSameRequest() {
		ApiResponse response = operations(ops(
				"{'op': 'add', 'data': {'type': 'people', 'lid': 'ada', 'attributes': {'name': 'Ada'}}}",
				"{'op': 'add', 'data': {'type': 'computers', 'lid': 'engine', 'attributes': {'name': 'Engine'},"
						+ " 'relationships': {'owner': {'data': {'type': 'people', 'lid': 'ada'}}}}}",
				"{'op': 'add', 'data': {'type': 'computers', 'attributes': {'name': 'Mill'}}}",
				"{'op': 'update', 'ref': {'type': 'people', 'lid': 'ada'},"
						+ " 'data': {'type': 'people', 'lid': 'ada', 'attributes': {'age': 36}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		String adaId = response.at("/atomic:results/0/data/id").asString();
		String engineId = response.at("/atomic:results/1/data/id").asString();
		assertThat(response.at("/atomic:results/1/data/relationships/owner/data/id").asString()).isEqualTo(adaId);
		assertThat(response.at("/atomic:results/3/data/attributes/age").asInt()).isEqualTo(36);
		Long ownerId = this.fixtures
			.read((em) -> em.find(Computer.class, Long.valueOf(engineId)).getOwner().getId());
		assertThat(ownerId).isEqualTo(Long.valueOf(adaId));
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(2);
	}

	@Test
	void relationshipsAreAddedReplacedAndRemovedAndRelationshipOnlyRequestsAre204() {
		Person ada = person("Ada");
		Computer engine = new Computer();
		engine.setName("Engine");
		this.fixtures.persist(engine);
		Tag red = new Tag();
		red.setId(UUID.randomUUID());
		red.setLabel("red");
		Tag blue = new Tag();
		blue.setId(UUID.randomUUID());
		blue.setLabel("blue");
		Note note = new Note("note");
		this.fixtures.persist(red, blue, note);
		String noteRef = "'ref': {'type': 'notes', 'id': '" + note.getId() + "', 'relationship': 'tags'}";

		ApiResponse response = operations(ops(
				"{'op': 'update', 'ref': {'type': 'computers', 'id': '" + engine.getId() + "', 'relationship': 'owner'},"
						+ " 'data': {'type': 'people', 'id': '" + ada.getId() + "'}}",
				"{'op': 'add', " + noteRef + ", 'meta': {'version': 0}, 'data': [{'type': 'tags', 'id': '"
						+ red.getId() + "'}, {'type': 'tags', 'id': '" + blue.getId() + "'}]}",
				"{'op': 'remove', " + noteRef + ", 'meta': {'version': 1}, 'data': [{'type': 'tags', 'id': '"
						+ red.getId() + "'}]}",
				"{'op': 'update', 'href': '/api/notes/" + note.getId() + "/relationships/tags', 'meta': {'version': 2},"
						+ " 'data': [{'type': 'tags', 'id': '" + red.getId() + "'}]}"));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(response.text()).isEmpty();
		Long ownerId = this.fixtures.read((em) -> em.find(Computer.class, engine.getId()).getOwner().getId());
		assertThat(ownerId).isEqualTo(ada.getId());
		Set<UUID> tags = this.fixtures.read((em) -> em.find(Note.class, note.getId())
			.getTags()
			.stream()
			.map(Tag::getId)
			.collect(Collectors.toSet()));
		assertThat(tags).containsExactly(red.getId());
		Long version = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getVersion());
		assertThat(version).as("each change of the relationship is a new version of the note").isEqualTo(3);
	}

	@Test
	void relationshipOperationsObeyTheResourcesRules() {
		Person ada = person("Ada");
		Computer engine = new Computer();
		engine.setName("Engine");
		engine.setOwner(ada);
		this.fixtures.persist(engine);
		String computers = "'ref': {'type': 'people', 'id': '" + ada.getId() + "', 'relationship': 'computers'}";

		ApiResponse replace = operations(ops(
				"{'op': 'update', " + computers + ", 'data': []}"));
		ApiResponse remove = operations(ops(
				"{'op': 'remove', " + computers + ", 'data': [{'type': 'computers', 'id': '" + engine.getId() + "'}]}"));
		ApiResponse unknown = operations(ops(
				"{'op': 'update', 'ref': {'type': 'people', 'id': '" + ada.getId() + "', 'relationship': 'password'},"
						+ " 'data': null}"));
		ApiResponse addToOne = operations(ops(
				"{'op': 'add', 'ref': {'type': 'computers', 'id': '" + engine.getId() + "', 'relationship': 'owner'},"
						+ " 'data': [{'type': 'people', 'id': '" + ada.getId() + "'}]}"));

		assertError(replace, 403, "/atomic:operations/0");
		assertError(remove, 403, "/atomic:operations/0");
		assertError(unknown, 404, "/atomic:operations/0/ref/relationship");
		assertError(addToOne, 400, "/atomic:operations/0/op");
		Long ownerId = this.fixtures.read((em) -> em.find(Computer.class, engine.getId()).getOwner().getId());
		assertThat(ownerId).isEqualTo(ada.getId());
	}

	@Test
	void aFailingOperationRollsBackAllOthersAndItsErrorPointsIntoIt() {
		Counter existing = counter("existing", 5);

		ApiResponse unknownAttribute = operations(ops(addCounter(null, "a", 1),
				"{'op': 'update', 'data': {'type': 'counters', 'id': '" + existing.getId()
						+ "', 'attributes': {'value': 6}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Ada', 'password': 'x'}}}"));
		ApiResponse invalid = operations(ops(addCounter(null, "a", 1),
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': ' '}}}"));
		ApiResponse missing = operations(ops(addCounter(null, "a", 1),
				"{'op': 'remove', 'ref': {'type': 'counters', 'id': '987654'}}"));
		ApiResponse readOnly = operations(ops(
				"{'op': 'update', 'data': {'type': 'counters', 'id': '" + existing.getId()
						+ "', 'attributes': {'value': 7}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Ada', 'score': 3}}}"));

		assertError(unknownAttribute, 400, "/atomic:operations/2/data/attributes/password");
		assertError(invalid, 422, "/atomic:operations/1/data/attributes/name");
		assertError(missing, 404, "/atomic:operations/1");
		assertError(readOnly, 422, "/atomic:operations/1/data/attributes/score");
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Person.class)).isZero();
		long value = this.fixtures.read((em) -> em.find(Counter.class, existing.getId()).getValue());
		assertThat(value).isEqualTo(5);
	}

	@Test
	void aDatabaseFailureInABatchOfInsertsIsPinnedToItsOperationAndRolledBack() {
		person("Grace");

		ApiResponse duplicateInRequest = operations(ops(addCounter(null, "a", 1),
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Bob'}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}",
				addCounter(null, "b", 2)));
		ApiResponse duplicateOfStored = operations(ops(
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Bob'}}}",
				"{'op': 'add', 'data': {'type': 'people', 'attributes': {'name': 'Grace'}}}"));
		ApiResponse checkViolation = operations(ops(
				"{'op': 'add', 'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'holder': 'Ada'}}}",
				"{'op': 'add', 'data': {'type': 'accounts', 'id': 'FR-2', 'attributes': {'holder': 'Bob', 'balance': -1}}}"));

		// Where the database names the column, the pointer goes on to the attribute inside the operation.
		assertErrorWithin(duplicateInRequest, 409, "/atomic:operations/3", "/data/attributes/name");
		assertErrorWithin(duplicateOfStored, 409, "/atomic:operations/1", "/data/attributes/name");
		assertErrorWithin(checkViolation, 422, "/atomic:operations/1", "/data/attributes/balance");
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Counter.class)).isZero();
		assertThat(this.fixtures.count(dev.restless.it.app.Account.class)).isZero();
	}

	@Test
	void eachOperationNeedsItsMethodEnabledOnTheResource() {
		this.fixtures.persist(new dev.restless.it.app.Country("FR", "France"));
		Tag red = new Tag();
		red.setId(UUID.randomUUID());
		red.setLabel("red");
		this.fixtures.persist(red);

		ApiResponse add = operations(ops(addCounter(null, "a", 1),
				"{'op': 'add', 'data': {'type': 'country', 'id': 'DE', 'attributes': {'name': 'Germany'}}}"));
		ApiResponse remove = operations(ops("{'op': 'remove', 'ref': {'type': 'tags', 'id': '" + red.getId() + "'}}"));
		ApiResponse unknown = operations(ops("{'op': 'add', 'data': {'type': 'planets', 'attributes': {}}}"));

		assertError(add, 403, "/atomic:operations/1/op");
		assertError(remove, 403, "/atomic:operations/0/op");
		assertError(unknown, 404, "/atomic:operations/0/data/type");
		assertThat(this.fixtures.count(Counter.class)).isZero();
		assertThat(this.fixtures.count(Tag.class)).isEqualTo(1);
	}

	@Test
	void processorsRunForEveryOperationWithItsOperationAndCanRefuseIt() {
		Person ada = person("Ada");
		TestProcessors.scopedPostprocessing = (context) -> context.document().putObject("meta").put("seen", true);

		ApiResponse accepted = operations(ops(
				"{'op': 'add', 'data': {'type': 'computers', 'lid': 'c', 'attributes': {'name': 'Engine'}}}",
				"{'op': 'update', 'data': {'type': 'computers', 'lid': 'c', 'attributes': {'vendor': 'Babbage'}}}",
				"{'op': 'update', 'data': {'type': 'people', 'id': '" + ada.getId() + "', 'attributes': {'age': 36}}}"));
		List<String> calls = List.copyOf(TestProcessors.calls);
		TestProcessors.scopedPreprocessing = (context) -> {
			if (context.operation() == dev.restless.Operation.PATCH_RESOURCE) {
				throw new ProcessingException(403, "Frozen", "Computers cannot change today");
			}
		};
		ApiResponse refused = operations(ops(
				"{'op': 'add', 'data': {'type': 'computers', 'lid': 'c', 'attributes': {'name': 'Mill'}}}",
				"{'op': 'update', 'data': {'type': 'computers', 'lid': 'c', 'attributes': {'vendor': 'Babbage'}}}"));

		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(calls).contains("scoped-pre:POST_RESOURCE", "scoped-pre:PATCH_RESOURCE",
				"scoped-post:PATCH_RESOURCE");
		assertThat(calls.stream().filter("global-post"::equals).count()).isEqualTo(3);
		assertThat(accepted.at("/atomic:results/2/meta/seen").asBoolean()).isTrue();
		assertThat(accepted.at("/atomic:results/1/data/attributes/vendor").asString()).isEqualTo("Babbage");
		assertError(refused, 403, "/atomic:operations/1");
		assertThat(refused.firstError().get("title").asString()).isEqualTo("Frozen");
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(1);
	}

	@Test
	void aVersionInAnOperationsMetaMakesItConditional() {
		Counter counter = counter("a", 1);
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(2));
		String update = "{'op': 'update', 'meta': {'version': %d}, 'data': {'type': 'counters', 'id': '"
				+ counter.getId() + "', 'attributes': {'value': 3}}}";
		String updateWithDataMeta = "{'op': 'update', 'data': {'type': 'counters', 'id': '" + counter.getId()
				+ "', 'attributes': {'value': 3}, 'meta': {'version': %d}}}";
		String remove = "{'op': 'remove', 'meta': {'version': %d}, 'ref': {'type': 'counters', 'id': '"
				+ counter.getId() + "'}}";

		ApiResponse staleUpdate = operations(ops(addCounter(null, "b", 1), update.formatted(0)));
		ApiResponse staleDataMeta = operations(ops(updateWithDataMeta.formatted(0)));
		ApiResponse staleRemove = operations(ops(remove.formatted(0)));
		long valueAfterRefusals = this.fixtures.read((em) -> em.find(Counter.class, counter.getId()).getValue());
		ApiResponse current = operations(ops(update.formatted(1), remove.formatted(2)));

		assertError(staleUpdate, 412, "/atomic:operations/1/meta/version");
		assertError(staleDataMeta, 412, "/atomic:operations/0/data/meta/version");
		assertError(staleRemove, 412, "/atomic:operations/0/meta/version");
		assertThat(valueAfterRefusals).isEqualTo(2);
		assertThat(current.status()).as(current.text()).isEqualTo(200);
		assertThat(current.at("/atomic:results/0/data/meta/version").asLong()).isEqualTo(2);
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void aResourceThatRequiresIfMatchRequiresAVersionInEachOperationThatChangesIt() {
		Note note = new Note("draft");
		this.fixtures.persist(note);
		String update = "{'op': 'update', %s'data': {'type': 'notes', 'id': '" + note.getId()
				+ "', 'attributes': {'text': 'final'}}}";

		ApiResponse unconditional = operations(ops(update.formatted("")));
		ApiResponse unconditionalRemove = operations(ops("{'op': 'remove', 'ref': {'type': 'notes', 'id': '"
				+ note.getId() + "'}}"));
		ApiResponse created = operations(ops("{'op': 'add', 'data': {'type': 'notes', 'attributes': {'text': 'x'}}}"));
		ApiResponse conditional = operations(ops(update.formatted("'meta': {'version': 0}, ")));

		assertError(unconditional, 428, "/atomic:operations/0");
		assertError(unconditionalRemove, 428, "/atomic:operations/0");
		assertThat(created.status()).as("creating needs no version").isEqualTo(200);
		assertThat(conditional.status()).as(conditional.text()).isEqualTo(200);
		String text = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getText());
		assertThat(text).isEqualTo("final");
	}

	@Test
	void onlyRemovalsAnswer204WithoutBody() {
		Counter one = counter("one", 1);
		Counter two = counter("two", 2);

		ApiResponse response = operations(ops(
				"{'op': 'remove', 'ref': {'type': 'counters', 'id': '" + one.getId() + "'}}",
				"{'op': 'remove', 'href': '" + this.api.root() + "/api/counters/" + two.getId() + "'}"));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(response.text()).isEmpty();
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void anHrefThatNamesAnotherServerOrAPathOutsideTheApiIsRefusedAndChangesNothing() {
		Counter counter = counter("kept", 1);
		URI root = URI.create(this.api.root());
		String path = "/api/counters/" + counter.getId();

		for (String href : new String[] { "http://evil.example" + path, "//evil.example" + path,
				"https://" + root.getAuthority() + path, "http://" + root.getHost() + ":" + (root.getPort() + 1) + path,
				"/counters/" + counter.getId(), "/api/../counters/" + counter.getId() }) {
			assertError(operations(ops("{'op': 'remove', 'href': '" + href + "'}")), 400, "/atomic:operations/0/href");
		}
		assertThat(this.fixtures.count(Counter.class)).isOne();
		ApiResponse relative = operations(ops("{'op': 'remove', 'href': 'counters/" + counter.getId() + "'}"));

		assertThat(relative.status()).as("a relative reference resolves under the base path").isEqualTo(204);
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void removingAMemberAndThenItsOwnerInOneRequestRemovesBoth() {
		Folder folder = new Folder("inbox");
		Sheet sheet = new Sheet("first");
		sheet.setFolder(folder);
		this.fixtures.persist(folder, sheet);

		ApiResponse response = operations(ops(
				"{'op': 'remove', 'ref': {'type': 'sheets', 'id': '" + sheet.getId() + "'}}",
				"{'op': 'remove', 'ref': {'type': 'folders', 'id': '" + folder.getId() + "'}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(this.fixtures.count(Sheet.class)).isZero();
		assertThat(this.fixtures.count(Folder.class)).isZero();
	}

	@Test
	void clientGeneratedIdsFollowTheResourcesRules() {
		String uuid = UUID.randomUUID().toString();

		ApiResponse duplicate = operations(ops(
				"{'op': 'add', 'data': {'type': 'tags', 'id': '" + uuid + "', 'attributes': {'label': 'red'}}}",
				"{'op': 'add', 'data': {'type': 'tags', 'id': '" + uuid + "', 'attributes': {'label': 'blue'}}}"));
		ApiResponse refused = operations(ops(
				"{'op': 'add', 'data': {'type': 'counters', 'id': '5', 'attributes': {'value': 1}}}"));
		ApiResponse created = operations(ops(
				"{'op': 'add', 'data': {'type': 'tags', 'id': '" + uuid + "', 'attributes': {'label': 'red'}}}"));

		assertError(duplicate, 409, "/atomic:operations/1/data/id");
		assertError(refused, 403, "/atomic:operations/0/data/id");
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		assertThat(created.at("/atomic:results/0/data/id").asString()).isEqualTo(uuid);
		assertThat(this.fixtures.count(Tag.class)).isEqualTo(1);
	}

	@Test
	void malformedRequestsAre400WithAPointerAndChangeNothing() {
		assertError(operations("{'data': {'type': 'counters'}}"), 400, "/data");
		assertError(operations("{'atomic:operations': []}"), 400, "/atomic:operations");
		assertError(operations(ops(addCounter(null, "a", 1), "{'data': {'type': 'counters'}}")), 400,
				"/atomic:operations/1/op");
		assertError(operations(ops("{'op': 'merge', 'data': {'type': 'counters'}}")), 400, "/atomic:operations/0/op");
		assertError(operations(ops("{'op': 'remove', 'ref': {'type': 'counters', 'id': '1'}, 'href': '/counters/1'}")),
				400, "/atomic:operations/0");
		assertError(operations(ops("{'op': 'remove'}")), 400, "/atomic:operations/0");
		assertError(operations(ops("{'op': 'update', 'data': {'type': 'counters', 'attributes': {}}}")), 400,
				"/atomic:operations/0/data");
		assertError(operations(ops("{'op': 'add', 'data': {'type': 'counters'}, 'extra': 1}")), 400,
				"/atomic:operations/0/extra");
		assertError(operations(ops("{'op': 'update', 'ref': {'type': 'counters', 'lid': 'x'},"
				+ " 'data': {'type': 'counters', 'lid': 'x'}}")), 400, "/atomic:operations/0/ref/lid");
		assertError(operations(ops(addCounter("a", "a", 1), addCounter("a", "b", 1))), 400,
				"/atomic:operations/1/data/lid");
		ApiResponse parameter = this.atomic.exchange("POST", "/api/operations?include=owner",
				json(ops(addCounter(null, "a", 1))), "Content-Type", ATOMIC, "Accept", ATOMIC);
		assertThat(parameter.status()).isEqualTo(400);
		assertThat(parameter.firstError().at("/source/parameter").asString()).isEqualTo("include");
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void moreOperationsThanTheMaximumAre400() {
		String tooMany = ops(IntStream.range(0, 101)
			.mapToObj((index) -> addCounter(null, "c" + index, index))
			.toArray(String[]::new));

		ApiResponse response = operations(tooMany);

		assertError(response, 400, "/atomic:operations");
		assertThat(response.firstError().get("detail").asString()).contains("100");
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void aHundredInsertsAreSentInJdbcBatches() {
		String hundred = ops(IntStream.range(0, 100)
			.mapToObj((index) -> addCounter(null, "c" + index, index))
			.toArray(String[]::new));
		SqlStatementCounter.reset();

		ApiResponse response = operations(hundred);

		List<String> statements = SqlStatementCounter.statements();
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/atomic:results").size()).isEqualTo(100);
		assertThat(response.at("/atomic:results/99/data/attributes/value").asLong()).isEqualTo(99);
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(100);
		// Without batching each insert is a statement of its own (100). Batched, the insert is
		// prepared at most once per batch of 50 (hibernate.jdbc.batch_size; Hibernate even reuses
		// it for the second batch), and the sequence is asked once per block of 50 ids (pooled).
		assertThat(statements.stream().filter((sql) -> sql.toLowerCase().startsWith("insert")).count())
			.as("%s", statements)
			.isBetween(1L, 2L);
		assertThat(statements).as("%s", statements).hasSizeLessThanOrEqualTo(5);
	}

}
