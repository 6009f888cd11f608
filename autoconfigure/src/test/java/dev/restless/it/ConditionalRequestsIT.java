package dev.restless.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.restless.it.app.Account;
import dev.restless.it.app.Counter;
import dev.restless.it.app.EntityHooks;
import dev.restless.it.app.Folder;
import dev.restless.it.app.Note;
import dev.restless.it.app.Person;
import dev.restless.it.app.Sheet;
import dev.restless.it.app.Tag;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionalRequestsIT extends ApiIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@AfterEach
	void resetHooks() {
		EntityHooks.reset();
	}

	private Counter counter(String name, long value) {
		Counter counter = new Counter(name, value);
		this.fixtures.persist(counter);
		return counter;
	}

	/** Another writer changes the counter and commits, bypassing the API. */
	private void concurrentIncrement(long id) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"update counter set current_value = current_value + 100, version = version + 1 where id = ?")) {
			connection.setAutoCommit(true);
			statement.setLong(1, id);
			assertThat(statement.executeUpdate()).isEqualTo(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long storedValue(long id) {
		return this.fixtures.read((em) -> em.find(Counter.class, id).getValue());
	}

	private ApiResponse get(String path, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = JsonApiClient.JSON_API;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return this.api.exchange("GET", path, null, all);
	}

	private ApiResponse send(String method, String path, String body, String... headers) {
		String[] all = new String[headers.length + 4];
		all[0] = "Accept";
		all[1] = JsonApiClient.JSON_API;
		all[2] = "Content-Type";
		all[3] = JsonApiClient.JSON_API;
		System.arraycopy(headers, 0, all, 4, headers.length);
		return this.api.exchange(method, path, body, all);
	}

	private static String valuePatch(Counter counter, long value) {
		return json("{'data': {'type': 'counters', 'id': '%s', 'attributes': {'value': %d}}}"
			.formatted(counter.getId(), value));
	}

	@Test
	void aVersionedResourceHasAStrongETagAndItsVersionInMeta() {
		Counter counter = counter("hits", 1);

		ApiResponse first = this.api.get("/api/counters/" + counter.getId());
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(2));
		ApiResponse second = this.api.get("/api/counters/" + counter.getId());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
		assertThat(first.at("/data/meta/version").asLong()).isZero();
		assertThat(first.at("/data/attributes").has("version")).isFalse();
		assertThat(second.at("/data/meta/version").asLong()).isEqualTo(1);
		assertThat(second.header("ETag")).isNotEqualTo(first.header("ETag"));
		assertThat(this.api.get("/api/counters/" + counter.getId()).header("ETag")).isEqualTo(second.header("ETag"));
	}

	@Test
	void theETagIsDerivedFromTypeIdAndVersion() {
		Counter one = counter("one", 0);
		Counter two = counter("two", 0);
		Note note = new Note("same version");
		this.fixtures.persist(note);

		String first = this.api.get("/api/counters/" + one.getId()).header("ETag");
		String second = this.api.get("/api/counters/" + two.getId()).header("ETag");
		String third = this.api.get("/api/notes/" + note.getId()).header("ETag");

		assertThat(first).isNotEqualTo(second).isNotEqualTo(third);
		assertThat(second).isNotEqualTo(third);
	}

	@Test
	void resourcesWithoutVersionHaveNoETagAndNoVersionMeta() {
		Person ada = new Person();
		ada.setName("Ada");
		this.fixtures.persist(ada);

		ApiResponse response = this.api.get("/api/people/" + ada.getId());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isNull();
		assertThat(response.at("/data/meta").isMissingNode()).isTrue();
	}

	@Test
	void postAndPatchAnswerWithTheETagOfTheVersionTheyWrote() {
		ApiResponse created = this.api.post("/api/counters",
				json("{'data': {'type': 'counters', 'attributes': {'name': 'new', 'value': 5}}}"));
		String id = created.at("/data/id").asString();
		ApiResponse read = this.api.get("/api/counters/" + id);
		ApiResponse patched = this.api.patch("/api/counters/" + id,
				json("{'data': {'type': 'counters', 'id': '" + id + "', 'attributes': {'value': 6}}}"));
		ApiResponse reread = this.api.get("/api/counters/" + id);

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.header("ETag")).isNotNull().isEqualTo(read.header("ETag"));
		assertThat(created.at("/data/meta/version").asLong()).isZero();
		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.at("/data/meta/version").asLong()).isEqualTo(1);
		assertThat(patched.header("ETag")).isNotEqualTo(created.header("ETag")).isEqualTo(reread.header("ETag"));
	}

	@Test
	void ifNoneMatchWithTheCurrentETagIs304WithoutBody() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String etag = this.api.get(path).header("ETag");

		ApiResponse same = get(path, "If-None-Match", etag);
		ApiResponse weak = get(path, "If-None-Match", "W/" + etag);
		ApiResponse inList = get(path, "If-None-Match", "\"other\", " + etag);
		ApiResponse any = get(path, "If-None-Match", "*");
		ApiResponse other = get(path, "If-None-Match", "\"other\"");

		assertThat(same.status()).isEqualTo(304);
		assertThat(same.text()).isEmpty();
		assertThat(same.header("ETag")).isEqualTo(etag);
		assertThat(weak.status()).isEqualTo(304);
		assertThat(inList.status()).isEqualTo(304);
		assertThat(any.status()).isEqualTo(304);
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.at("/data/attributes/value").asLong()).isEqualTo(1);
	}

	@Test
	void ifNoneMatchWithAnOutdatedETagReturnsTheNewRepresentation() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String etag = this.api.get(path).header("ETag");
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(2));

		ApiResponse response = get(path, "If-None-Match", etag);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data/attributes/value").asLong()).isEqualTo(2);
		assertThat(response.header("ETag")).isNotEqualTo(etag);
	}

	@Test
	void patchWithTheCurrentETagInIfMatchSucceeds() {
		Counter counter = counter("hits", 1);
		String etag = this.api.get("/api/counters/" + counter.getId()).header("ETag");

		ApiResponse response = send("PATCH", "/api/counters/" + counter.getId(), valuePatch(counter, 2), "If-Match",
				etag);

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(storedValue(counter.getId())).isEqualTo(2);
	}

	@Test
	void patchWithAnOutdatedETagIs412AndChangesNothing() {
		Counter counter = counter("hits", 1);
		String etag = this.api.get("/api/counters/" + counter.getId()).header("ETag");
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(7));

		ApiResponse response = send("PATCH", "/api/counters/" + counter.getId(), valuePatch(counter, 2), "If-Match",
				etag);

		assertThat(response.status()).isEqualTo(412);
		assertThat(response.firstError().get("status").asString()).isEqualTo("412");
		assertThat(response.firstError().at("/source/header").asString()).isEqualTo("If-Match");
		assertThat(storedValue(counter.getId())).isEqualTo(7);
	}

	@Test
	void deleteWithAnOutdatedETagIs412AndWithTheCurrentOneDeletes() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String stale = this.api.get(path).header("ETag");
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(2));
		String current = this.api.get(path).header("ETag");

		ApiResponse refused = send("DELETE", path, null, "If-Match", stale);
		long countAfterRefusal = this.fixtures.count(Counter.class);
		ApiResponse deleted = send("DELETE", path, null, "If-Match", current);

		assertThat(refused.status()).isEqualTo(412);
		assertThat(countAfterRefusal).isEqualTo(1);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.fixtures.count(Counter.class)).isZero();
	}

	@Test
	void ifMatchStarMatchesAnyExistingResourceAndAListMatchesAnyOfItsTags() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String etag = this.api.get(path).header("ETag");

		ApiResponse star = send("PATCH", path, valuePatch(counter, 2), "If-Match", "*");
		ApiResponse list = send("PATCH", path, valuePatch(counter, 3), "If-Match",
				"\"nope\", " + this.api.get(path).header("ETag"));
		ApiResponse missing = send("DELETE", "/api/counters/987654", null, "If-Match", "*");

		assertThat(star.status()).as(star.text()).isEqualTo(200);
		assertThat(list.status()).as(list.text()).isEqualTo(200);
		assertThat(etag).isNotEqualTo(list.header("ETag"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(storedValue(counter.getId())).isEqualTo(3);
	}

	@Test
	void aWeakETagNeverSatisfiesIfMatch() {
		Counter counter = counter("hits", 1);
		String etag = this.api.get("/api/counters/" + counter.getId()).header("ETag");

		ApiResponse response = send("PATCH", "/api/counters/" + counter.getId(), valuePatch(counter, 2), "If-Match",
				"W/" + etag);

		assertThat(response.status()).isEqualTo(412);
		assertThat(storedValue(counter.getId())).isEqualTo(1);
	}

	@Test
	void aMalformedConditionalHeaderIs400() {
		Counter counter = counter("hits", 1);

		ApiResponse ifMatch = send("PATCH", "/api/counters/" + counter.getId(), valuePatch(counter, 2), "If-Match",
				"no-quotes");
		ApiResponse ifNoneMatch = get("/api/counters/" + counter.getId(), "If-None-Match", "\"unclosed");

		assertThat(ifMatch.status()).isEqualTo(400);
		assertThat(ifMatch.firstError().at("/source/header").asString()).isEqualTo("If-Match");
		assertThat(ifNoneMatch.status()).isEqualTo(400);
		assertThat(ifNoneMatch.firstError().at("/source/header").asString()).isEqualTo("If-None-Match");
		assertThat(storedValue(counter.getId())).isEqualTo(1);
	}

	@Test
	void aResourceWhoseAnnotationRequiresIfMatchAnswers428WithoutIt() {
		Note note = new Note("draft");
		this.fixtures.persist(note);
		String path = "/api/notes/" + note.getId();
		String body = json("{'data': {'type': 'notes', 'id': '%s', 'attributes': {'text': 'final'}}}"
			.formatted(note.getId()));

		ApiResponse patch = this.api.patch(path, body);
		ApiResponse delete = this.api.delete(path);
		ApiResponse conditional = send("PATCH", path, body, "If-Match", this.api.get(path).header("ETag"));
		ApiResponse created = this.api.post("/api/notes", json("{'data': {'type': 'notes', 'attributes': {'text': 'x'}}}"));

		assertThat(patch.status()).isEqualTo(428);
		assertThat(patch.firstError().get("status").asString()).isEqualTo("428");
		assertThat(patch.firstError().at("/source/header").asString()).isEqualTo("If-Match");
		assertThat(delete.status()).isEqualTo(428);
		assertThat(conditional.status()).as(conditional.text()).isEqualTo(200);
		assertThat(created.status()).as("creating needs no If-Match").isEqualTo(201);
		String text = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getText());
		assertThat(text).isEqualTo("final");
	}

	@Test
	void aRequiredPreconditionIsMetByIfMatchOrByTheVersionInTheResourceObjectAlikeForSingleAndAtomicChanges() {
		Note note = new Note("draft");
		this.fixtures.persist(note);
		String path = "/api/notes/" + note.getId();
		String patch = "{'data': {'type': 'notes', 'id': '" + note.getId() + "', 'attributes': {'text': '%s'}%s}}";
		String atomicUpdate = "{'atomic:operations': [{'op': 'update', 'data': {'type': 'notes', 'id': '" + note.getId()
				+ "', 'attributes': {'text': '%s'}%s}}]}";

		ApiResponse blind = this.api.patch(path, json(patch.formatted("blind", "")));
		ApiResponse withVersion = this.api.patch(path, json(patch.formatted("second", ", 'meta': {'version': 0}")));
		ApiResponse withStaleVersion = this.api.patch(path, json(patch.formatted("stale", ", 'meta': {'version': 0}")));
		// atomic results are no document the JSON:API schema knows
		JsonApiClient atomic = plainClient();
		ApiResponse atomicBlind = atomic.exchange("POST", "/api/operations", json(atomicUpdate.formatted("blind", "")),
				"Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);
		ApiResponse atomicWithVersion = atomic.exchange("POST", "/api/operations",
				json(atomicUpdate.formatted("third", ", 'meta': {'version': 1}")), "Content-Type", JsonApiClient.ATOMIC,
				"Accept", JsonApiClient.ATOMIC);
		ApiResponse deleteWithoutIfMatch = this.api.delete(path);

		assertThat(blind.status()).isEqualTo(428);
		assertThat(blind.firstError().at("/source/header").asString()).isEqualTo("If-Match");
		assertThat(blind.firstError().get("detail").asString()).contains("If-Match").contains("meta.version");
		assertThat(withVersion.status()).as(withVersion.text()).isEqualTo(200);
		assertThat(withStaleVersion.status()).isEqualTo(412);
		assertThat(atomicBlind.status()).isEqualTo(428);
		assertThat(atomicWithVersion.status()).as(atomicWithVersion.text()).isEqualTo(200);
		assertThat(deleteWithoutIfMatch.status()).as("a deletion has no resource object: only If-Match meets it")
			.isEqualTo(428);
		assertThat(deleteWithoutIfMatch.firstError().get("detail").asString()).doesNotContain("meta.version");
		String text = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getText());
		assertThat(text).isEqualTo("third");
	}

	@Test
	void relationshipWritesCheckIfMatchAgainstTheResourceThatOwnsTheRelationship() {
		Tag red = new Tag();
		red.setId(UUID.randomUUID());
		red.setLabel("red");
		Note note = new Note("draft");
		this.fixtures.persist(red, note);
		String path = "/api/notes/" + note.getId() + "/relationships/tags";
		String body = json("{'data': [{'type': 'tags', 'id': '%s'}]}".formatted(red.getId()));
		String etag = this.api.get("/api/notes/" + note.getId()).header("ETag");

		ApiResponse blind = send("POST", path, body);
		ApiResponse stale = send("POST", path, body, "If-Match", "\"notes/" + note.getId() + "/99\"");
		int tagsAfterRefusals = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getTags().size());
		ApiResponse added = send("POST", path, body, "If-Match", etag);
		ApiResponse removedWithTheOldTag = send("DELETE", path, body, "If-Match", etag);

		assertThat(blind.status()).as("the resource requires If-Match").isEqualTo(428);
		assertThat(blind.firstError().at("/source/header").asString()).isEqualTo("If-Match");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(tagsAfterRefusals).isZero();
		assertThat(added.status()).as(added.text()).isEqualTo(204);
		assertThat(removedWithTheOldTag.status()).as("adding a tag made a new version of the note").isEqualTo(412);
		int tags = this.fixtures.read((em) -> em.find(Note.class, note.getId()).getTags().size());
		assertThat(tags).isEqualTo(1);
	}

	@Test
	void aRelationshipWriteGivesTheOwnerANewVersionEvenWhenTheMembersHoldTheKey() {
		Folder folder = new Folder("inbox");
		Sheet first = new Sheet("first");
		Sheet second = new Sheet("second");
		this.fixtures.persist(folder, first, second);
		String path = "/api/folders/" + folder.getId() + "/relationships/sheets";
		String etag = this.api.get("/api/folders/" + folder.getId()).header("ETag");

		ApiResponse added = send("POST", path, json("{'data': [{'type': 'sheets', 'id': '%s'}]}".formatted(first.getId())),
				"If-Match", etag);
		ApiResponse withTheSameTag = send("POST", path,
				json("{'data': [{'type': 'sheets', 'id': '%s'}]}".formatted(second.getId())), "If-Match", etag);
		ApiResponse folderAfter = this.api.get("/api/folders/" + folder.getId());

		assertThat(added.status()).as(added.text()).isEqualTo(204);
		assertThat(withTheSameTag.status()).as("the first write made a new version").isEqualTo(412);
		assertThat(folderAfter.header("ETag")).isNotEqualTo(etag);
		assertThat(folderAfter.at("/data/relationships/sheets/data").findValuesAsString("id"))
			.containsExactly(first.getId().toString());
	}

	@Test
	void aRelationshipWriteThatChangesNothingKeepsTheVersion() {
		Folder folder = new Folder("inbox");
		Sheet kept = new Sheet("kept");
		Sheet elsewhere = new Sheet("elsewhere");
		kept.setFolder(folder);
		this.fixtures.persist(folder, kept, elsewhere);
		String folderPath = "/api/folders/" + folder.getId();
		String path = folderPath + "/relationships/sheets";
		String etag = this.api.get(folderPath).header("ETag");
		String member = "{'type': 'sheets', 'id': '" + kept.getId() + "'}";
		String nonMember = "{'type': 'sheets', 'id': '" + elsewhere.getId() + "'}";

		ApiResponse addNothing = send("POST", path, json("{'data': []}"), "If-Match", etag);
		ApiResponse addAMember = send("POST", path, json("{'data': [" + member + "]}"), "If-Match", etag);
		ApiResponse replaceWithTheSame = send("PATCH", path, json("{'data': [" + member + "]}"), "If-Match", etag);
		ApiResponse removeANonMember = send("DELETE", path, json("{'data': [" + nonMember + "]}"), "If-Match", etag);
		ApiResponse patchWithTheSame = send("PATCH", folderPath, json("{'data': {'type': 'folders', 'id': '"
				+ folder.getId() + "', 'relationships': {'sheets': {'data': [" + member + "]}}}}"), "If-Match", etag);

		for (ApiResponse response : new ApiResponse[] { addNothing, addAMember, replaceWithTheSame, removeANonMember }) {
			assertThat(response.status()).as(response.text()).isEqualTo(204);
		}
		assertThat(patchWithTheSame.status()).as(patchWithTheSame.text()).isEqualTo(200);
		assertThat(patchWithTheSame.header("ETag")).isEqualTo(etag);
		assertThat(this.api.get(folderPath).header("ETag")).isEqualTo(etag);
		long version = this.fixtures.read((em) -> em.find(Folder.class, folder.getId()).getVersion());
		assertThat(version).isZero();
	}

	@Test
	void aPatchOfTheResourcesRelationshipsAlsoGivesItANewVersion() {
		Folder folder = new Folder("inbox");
		Sheet sheet = new Sheet("first");
		this.fixtures.persist(folder, sheet);
		String path = "/api/folders/" + folder.getId();
		String etag = this.api.get(path).header("ETag");

		ApiResponse patched = send("PATCH", path, json("""
				{'data': {'type': 'folders', 'id': '%s', 'relationships': {'sheets': {'data': [{'type': 'sheets', 'id': '%s'}]}}}}"""
			.formatted(folder.getId(), sheet.getId())), "If-Match", etag);

		assertThat(patched.status()).as(patched.text()).isEqualTo(200);
		assertThat(patched.header("ETag")).isNotEqualTo(etag);
		assertThat(send("DELETE", path, null, "If-Match", etag).status()).isEqualTo(412);
	}

	@Test
	void aResourceWhosePropertyRequiresIfMatchAnswers428WithoutItAndOthersDoNot() {
		Account account = new Account();
		account.setNumber("FR-1");
		account.setHolder("Ada");
		this.fixtures.persist(account);
		Counter counter = counter("hits", 1);
		String path = "/api/accounts/FR-1";
		String body = json("{'data': {'type': 'accounts', 'id': 'FR-1', 'attributes': {'balance': 10}}}");

		ApiResponse unconditional = this.api.patch(path, body);
		ApiResponse conditional = send("PATCH", path, body, "If-Match", this.api.get(path).header("ETag"));
		ApiResponse counterPatch = this.api.patch("/api/counters/" + counter.getId(), valuePatch(counter, 2));

		assertThat(unconditional.status()).isEqualTo(428);
		assertThat(conditional.status()).as(conditional.text()).isEqualTo(200);
		assertThat(counterPatch.status()).as("counters do not require If-Match").isEqualTo(200);
		long balance = this.fixtures.read((em) -> em.find(Account.class, "FR-1").getBalance());
		assertThat(balance).isEqualTo(10);
	}

	@Test
	void aVersionInTheResourceObjectsMetaMakesAPatchConditional() {
		Counter counter = counter("hits", 1);
		this.fixtures.update((em) -> em.find(Counter.class, counter.getId()).setValue(2));
		String stale = json("{'data': {'type': 'counters', 'id': '%s', 'attributes': {'value': 3}, 'meta': {'version': 0}}}"
			.formatted(counter.getId()));
		String current = stale.replace("\"version\": 0", "\"version\": 1");

		ApiResponse refused = this.api.patch("/api/counters/" + counter.getId(), stale);
		long valueAfterRefusal = storedValue(counter.getId());
		ApiResponse accepted = this.api.patch("/api/counters/" + counter.getId(), current);

		assertThat(refused.status()).isEqualTo(412);
		assertThat(refused.firstError().at("/source/pointer").asString()).isEqualTo("/data/meta/version");
		assertThat(valueAfterRefusal).isEqualTo(2);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.at("/data/meta/version").asLong()).isEqualTo(2);
	}

	@Test
	void anUpdateThatLosesARaceAtFlushIs412WhenConditionalAnd409Otherwise() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String etag = this.api.get(path).header("ETag");
		AtomicBoolean raced = new AtomicBoolean();
		// Runs after the If-Match check passed, just before the UPDATE: another writer commits first.
		EntityHooks.beforeUpdate = (entity) -> {
			if (raced.compareAndSet(false, true)) {
				concurrentIncrement(counter.getId());
			}
		};

		ApiResponse conditional = send("PATCH", path, valuePatch(counter, 2), "If-Match", etag);
		raced.set(false);
		ApiResponse unconditional = this.api.patch(path, valuePatch(counter, 3));

		assertThat(conditional.status()).as(conditional.text()).isEqualTo(412);
		assertThat(conditional.firstError().get("title").asString()).isEqualTo("Precondition failed");
		assertThat(unconditional.status()).as(unconditional.text()).isEqualTo(409);
		assertThat(unconditional.firstError().get("detail").asString()).contains("another request");
		assertThat(storedValue(counter.getId())).as("only the other writer's changes").isEqualTo(201);
	}

	@Test
	void aDeletionThatLosesARaceAtFlushIs412WhenConditionalAnd409Otherwise() {
		Counter counter = counter("hits", 1);
		String path = "/api/counters/" + counter.getId();
		String etag = this.api.get(path).header("ETag");
		AtomicBoolean raced = new AtomicBoolean();
		EntityHooks.beforeRemove = (entity) -> {
			if (raced.compareAndSet(false, true)) {
				concurrentIncrement(counter.getId());
			}
		};

		ApiResponse conditional = send("DELETE", path, null, "If-Match", etag);
		raced.set(false);
		ApiResponse unconditional = this.api.delete(path);

		assertThat(conditional.status()).as(conditional.text()).isEqualTo(412);
		assertThat(unconditional.status()).as(unconditional.text()).isEqualTo(409);
		assertThat(this.fixtures.count(Counter.class)).isEqualTo(1);
		assertThat(storedValue(counter.getId())).isEqualTo(201);
	}

}
