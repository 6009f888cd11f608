package dev.restless.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.Operation;
import dev.restless.it.app.Account;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Counter;
import dev.restless.it.app.Person;
import dev.restless.it.app.Seat;
import dev.restless.it.app.Tag;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.app.Ticket;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class WriteIntegrityIT extends ApiIntegrationTest {

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		person.setAge(30);
		person.setSignupCode("S-1");
		this.fixtures.persist(person);
		return person;
	}

	private Account account(String number, long balance) {
		Account account = new Account();
		account.setNumber(number);
		account.setHolder("Ada");
		account.setBalance(balance);
		this.fixtures.persist(account);
		return account;
	}

	private ApiResponse patchWithIfMatch(String path, String body) {
		String etag = this.api.get(path).header("ETag");
		return this.api.exchange("PATCH", path, body, "Content-Type", JsonApiClient.JSON_API, "Accept",
				JsonApiClient.JSON_API, "If-Match", etag);
	}

	private static void assertReadOnly(ApiResponse response, String pointer) {
		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertThat(response.firstError().get("status").asString()).isEqualTo("422");
		assertThat(response.firstError().get("title").asString()).isEqualTo("Read-only attribute");
		assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo(pointer);
	}

	private static void assertNamesNoSql(ApiResponse response) {
		String detail = response.firstError().get("detail").asString();
		assertThat(detail).isNotBlank();
		for (String word : List.of("insert", "update ", "delete from", "select", "violat", "sql", "person",
				"account_", "balance >", "tag ", "computer", "uk_", "fk", "null value", "duplicate", "key (")) {
			assertThat(detail.toLowerCase()).as("detail '%s' names %s", detail, word).doesNotContain(word);
		}
	}

	@Test
	void jacksonReadOnlyAndGeneratedTimestampsAre422OnCreation() {
		ApiResponse score = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada', 'score': 3}}}"));
		ApiResponse createdAt = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada', 'createdAt': '2020-01-01T00:00:00Z'}}}"));
		ApiResponse openedAt = this.api.post("/api/accounts", json(
				"{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'holder': 'Ada', 'openedAt': '2020-01-01T00:00:00Z'}}}"));

		assertReadOnly(score, "/data/attributes/score");
		assertReadOnly(createdAt, "/data/attributes/createdAt");
		assertReadOnly(openedAt, "/data/attributes/openedAt");
		assertThat(this.fixtures.count(Person.class)).isZero();
		assertThat(this.fixtures.count(Account.class)).isZero();
	}

	@Test
	void auditedDatesAreSetByTheServerAndCannotBeWritten() {
		ApiResponse created = this.api.post("/api/accounts",
				json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'holder': 'Ada'}}}"));
		ApiResponse changed = patchWithIfMatch("/api/accounts/FR-1", json(
				"{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'changedAt': '2020-01-01T00:00:00Z'}}}"));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.at("/data/attributes/openedAt").isString()).isTrue();
		assertReadOnly(changed, "/data/attributes/changedAt");
	}

	@Test
	void anAttributeThatCannotBeUpdatedIsAcceptedOnCreationAnd422OnUpdate() {
		ApiResponse created = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada', 'signupCode': 'S-9'}}}"));
		String id = created.at("/data/id").asString();

		ApiResponse patched = this.api.patch("/api/people/" + id,
				json("{'data': {'type': 'people', 'id': '" + id + "', 'attributes': {'signupCode': 'S-10', 'age': 5}}}"));

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertReadOnly(patched, "/data/attributes/signupCode");
		Person stored = this.fixtures.read((em) -> em.find(Person.class, Long.valueOf(id)));
		assertThat(stored.getSignupCode()).isEqualTo("S-9");
		assertThat(stored.getAge()).as("nothing of the refused request is written").isNull();
	}

	@Test
	void theIdAndTheVersionInsideAttributesAre422() {
		Counter counter = new Counter("hits", 1);
		this.fixtures.persist(counter);
		String path = "/api/counters/" + counter.getId();

		ApiResponse idOnCreate = this.api.post("/api/counters",
				json("{'data': {'type': 'counters', 'attributes': {'id': '77', 'value': 1}}}"));
		ApiResponse idOnUpdate = this.api.patch(path, json(
				"{'data': {'type': 'counters', 'id': '%s', 'attributes': {'id': '77'}}}".formatted(counter.getId())));
		ApiResponse version = this.api.patch(path, json(
				"{'data': {'type': 'counters', 'id': '%s', 'attributes': {'value': 5, 'version': 9}}}"
					.formatted(counter.getId())));
		ApiResponse accountVersion = patchWithIfMatch("/api/accounts/" + account("FR-1", 0).getNumber(),
				json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'version': 4}}}"));

		assertReadOnly(idOnCreate, "/data/attributes/id");
		assertReadOnly(idOnUpdate, "/data/attributes/id");
		assertReadOnly(version, "/data/attributes/version");
		assertReadOnly(accountVersion, "/data/attributes/version");
		Counter stored = this.fixtures.read((em) -> em.find(Counter.class, counter.getId()));
		assertThat(stored.getValue()).isEqualTo(1);
		assertThat(stored.getVersion()).isZero();
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
	}

	@Test
	void hiddenAndExcludedAttributesAreAnsweredExactlyLikeUnknownOnes() {
		Person ada = person("Ada");
		String path = "/api/people/" + ada.getId();
		String template = "{'data': {'type': 'people', 'id': '%s', 'attributes': {'%s': 'x'}}}";

		Map<String, JsonNode> errors = new ConcurrentHashMap<>();
		Map<String, Integer> statuses = new ConcurrentHashMap<>();
		for (String name : List.of("password", "secret", "noSuchThing")) {
			ApiResponse patched = this.api.patch(path, json(template.formatted(ada.getId(), name)));
			ApiResponse created = this.api.post("/api/people",
					json("{'data': {'type': 'people', 'attributes': {'name': 'Bob', '%s': 'x'}}}".formatted(name)));
			assertThat(created.status()).isEqualTo(patched.status());
			assertThat(created.firstError().toString()).isEqualTo(patched.firstError().toString());
			statuses.put(name, patched.status());
			errors.put(name, patched.firstError());
		}

		assertThat(statuses.values()).containsOnly(400);
		String unknown = errors.get("noSuchThing").toString();
		assertThat(errors.get("password").toString().replace("password", "noSuchThing")).isEqualTo(unknown);
		assertThat(errors.get("secret").toString().replace("secret", "noSuchThing")).isEqualTo(unknown);
		Person stored = this.fixtures.read((em) -> em.find(Person.class, ada.getId()));
		assertThat(stored.getPassword()).isNull();
		assertThat(stored.getSecret()).isNull();
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
	}

	@Test
	void postWithAnExistingClientGeneratedIdIs409ForUuidAndStringIds() {
		String uuid = "6f1e3c0a-7f43-4c1e-9b7e-2d5f0f1a9c11";
		ApiResponse firstTag = this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '" + uuid + "', 'attributes': {'label': 'red'}}}"));
		ApiResponse secondTag = this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '" + uuid + "', 'attributes': {'label': 'blue'}}}"));
		ApiResponse firstAccount = this.api.post("/api/accounts",
				json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'holder': 'Ada'}}}"));
		ApiResponse secondAccount = this.api.post("/api/accounts",
				json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'holder': 'Bob'}}}"));

		assertThat(firstTag.status()).as(firstTag.text()).isEqualTo(201);
		assertThat(secondTag.status()).isEqualTo(409);
		assertThat(secondTag.firstError().at("/source/pointer").asString()).isEqualTo("/data/id");
		assertThat(firstAccount.status()).as(firstAccount.text()).isEqualTo(201);
		assertThat(secondAccount.status()).isEqualTo(409);
		assertThat(secondAccount.firstError().at("/source/pointer").asString()).isEqualTo("/data/id");
		String label = this.fixtures.read((em) -> em.find(Tag.class, java.util.UUID.fromString(uuid)).getLabel());
		String holder = this.fixtures.read((em) -> em.find(Account.class, "FR-1").getHolder());
		assertThat(label).isEqualTo("red");
		assertThat(holder).isEqualTo("Ada");
	}

	@Test
	void postWithoutAnIdToAResourceIdentifiedByItsClientsIs403() {
		ApiResponse response = this.api.post("/api/tags", json("{'data': {'type': 'tags', 'attributes': {'label': 'red'}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(403);
		assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo("/data");
		assertThat(this.fixtures.count(Tag.class)).isZero();
	}

	@Test
	void aUniqueViolationIs409AndNamesNoSql() {
		person("Ada");

		ApiResponse response = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.firstError().get("status").asString()).isEqualTo("409");
		assertThat(response.firstError().get("title").asString()).isNotBlank();
		assertNamesNoSql(response);
		assertThat(response.text()).doesNotContainIgnoringCase("constraint")
			.doesNotContain("dev.restless")
			.doesNotContain("java.");
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
	}

	@Test
	void deletingAResourceOthersStillReferToIs409AndNamesNoSql() {
		Person ada = person("Ada");
		Computer computer = new Computer();
		computer.setName("Engine");
		computer.setOwner(ada);
		this.fixtures.persist(computer);

		ApiResponse response = this.api.delete("/api/people/" + ada.getId());

		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.firstError().get("detail").asString()).contains("referenced");
		assertNamesNoSql(response);
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(1);
	}

	@Test
	void deletingAResourceThatAnOwningOneToOneRefersToIs409AndDeletesNothing() {
		Seat seat = new Seat("12A");
		this.fixtures.persist(seat);
		this.fixtures.persist(new Ticket(seat));
		String atomic = json("{'atomic:operations': [{'op': 'remove', 'ref': {'type': 'seats', 'id': '%s'}}]}")
			.formatted(seat.getId());

		ApiResponse response = this.api.delete("/api/seats/" + seat.getId());
		ApiResponse inOperation = this.api.exchange("POST", "/api/operations", atomic, "Content-Type",
				JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);

		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.firstError().get("detail").asString()).contains("referenced");
		assertNamesNoSql(response);
		assertThat(inOperation.status()).as(inOperation.text()).isEqualTo(409);
		assertThat(this.fixtures.count(Seat.class)).isOne();
		assertThat(this.fixtures.count(Ticket.class)).isOne();
	}

	@Test
	void aNotNullViolationIs422AndNamesNoSql() {
		ApiResponse response = this.api.post("/api/tags",
				json("{'data': {'type': 'tags', 'id': '6f1e3c0a-7f43-4c1e-9b7e-2d5f0f1a9c11', 'attributes': {}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(422);
		assertNamesNoSql(response);
		assertThat(this.fixtures.count(Tag.class)).isZero();
	}

	@Test
	void aCheckViolationIs422AndNamesNoSql() {
		account("FR-1", 10);

		ApiResponse created = this.api.post("/api/accounts",
				json("{'data': {'type': 'accounts', 'id': 'FR-2', 'attributes': {'holder': 'Bob', 'balance': -5}}}"));
		ApiResponse updated = patchWithIfMatch("/api/accounts/FR-1",
				json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'balance': -1}}}"));

		assertThat(created.status()).as(created.text()).isEqualTo(422);
		assertNamesNoSql(created);
		assertThat(updated.status()).as(updated.text()).isEqualTo(422);
		assertNamesNoSql(updated);
		assertThat(this.fixtures.count(Account.class)).isEqualTo(1);
		long balance = this.fixtures.read((em) -> em.find(Account.class, "FR-1").getBalance());
		assertThat(balance).isEqualTo(10);
	}

	@Test
	void readsRunInReadOnlyTransactionsThatAProcessorCannotWriteThrough() {
		Person ada = person("Ada");
		Map<Operation, Boolean> readOnly = new ConcurrentHashMap<>();
		TestProcessors.globalPostprocessing = (context) -> {
			readOnly.put(context.operation(), TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isCurrentTransactionReadOnly());
			for (Object entity : context.entities()) {
				if (entity instanceof Person person) {
					person.setAge(99);
				}
			}
		};

		ApiResponse one = this.api.get("/api/people/" + ada.getId());
		ApiResponse page = this.api.get("/api/people");
		Integer ageAfterReads = this.fixtures.read((em) -> em.find(Person.class, ada.getId()).getAge());
		ApiResponse patched = this.api.patch("/api/people/" + ada.getId(),
				json("{'data': {'type': 'people', 'id': '%s', 'attributes': {'age': 31}}}".formatted(ada.getId())));

		assertThat(one.status()).isEqualTo(200);
		assertThat(page.status()).isEqualTo(200);
		assertThat(patched.status()).isEqualTo(200);
		assertThat(readOnly).containsEntry(Operation.GET_RESOURCE, true)
			.containsEntry(Operation.GET_COLLECTION, true)
			.containsEntry(Operation.PATCH_RESOURCE, false);
		assertThat(ageAfterReads).as("a change made during a GET is never written").isEqualTo(30);
	}

}
