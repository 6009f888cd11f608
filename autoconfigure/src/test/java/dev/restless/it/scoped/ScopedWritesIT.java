package dev.restless.it.scoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.restless.Operation;
import dev.restless.it.scoped.ScopedApi.Caller;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.RequiresDatabase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access rules and row scopes on every kind of write, single and atomic, for every kind of caller:
 * the owner may, another user finds nothing to write (404), an anonymous caller is asked to
 * authenticate (401), an admin may; a write that would put a row outside the writer's scope is
 * 403. A refused write changes nothing.
 */
@ExtendWith(RequiresDatabase.class)
class ScopedWritesIT {

	private static ScopedApi api;

	@BeforeAll
	static void start() {
		api = ScopedApi.start();
	}

	@AfterAll
	static void stop() {
		if (api != null) {
			api.close();
		}
	}

	/** A write of one kind, and the status each caller gets. */
	private record Write(String method, String path, String body, Map<Caller, Integer> statuses) {
	}

	@Test
	void everyKindOfWriteObeysTheRulesAndTheScopes() {
		SoftAssertions softly = new SoftAssertions();
		int writes = 0;
		for (Operation operation : Operation.values()) {
			for (Caller caller : Caller.values()) {
				int count = writes(operation).size();
				for (int index = 0; index < count; index++) {
					// each write starts from the same rows, whose ids it names
					api.reset();
					Write write = writes(operation).get(index);
					String before = snapshot();
					ApiResponse response = api.send(caller, write.method(), write.path(), write.body());
					writes++;
					int expected = write.statuses().get(caller);
					softly.assertThat(response.status())
						.as("%s %s %s %s: %s", caller, write.method(), write.path(), write.body(), response.text())
						.isEqualTo(expected);
					if (expected >= 400) {
						softly.assertThat(snapshot()).as("%s %s %s changed nothing", caller, write.method(), write.path())
							.isEqualTo(before);
						softly.assertThat(response.text()).doesNotContain("secret");
					}
				}
			}
		}
		softly.assertAll();
		assertThat(writes).isGreaterThan(30);
	}

	@Test
	void aFieldTheCallerMayNotWriteIs403AtItsPointer() {
		api.reset();
		String patch = json("{'data': {'type': 'members', 'id': '" + api.alice
				+ "', 'attributes': {'email': 'new@example.org'}}}");
		ApiResponse refused = api.send(Caller.ALICE, "PATCH", "/api/members/" + api.alice, patch);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.firstError().at("/source/pointer").asString()).isEqualTo("/data/attributes/email");
		assertThat(api.get(Caller.ADMIN, "/api/members/" + api.alice).at("/data/attributes/email").asString())
			.isEqualTo("alice@example.org");
		assertThat(api.send(Caller.ADMIN, "PATCH", "/api/members/" + api.alice, patch).status()).isEqualTo(200);
		assertThat(api.get(Caller.ADMIN, "/api/members/" + api.alice).at("/data/attributes/email").asString())
			.isEqualTo("new@example.org");
	}

	@Test
	void anUpdateRuleCanNameTheResourceItGuards() {
		api.reset();
		String rename = json("{'data': {'type': 'members', 'id': '" + api.alice
				+ "', 'attributes': {'username': 'mallory'}}}");
		assertThat(api.send(Caller.BOB, "PATCH", "/api/members/" + api.alice, rename).status()).isEqualTo(403);
		assertThat(api.get(Caller.ADMIN, "/api/members/" + api.alice).at("/data/attributes/username").asString())
			.isEqualTo("alice");
		String own = json("{'data': {'type': 'members', 'id': '" + api.alice
				+ "', 'attributes': {'username': 'alice'}}}");
		assertThat(api.send(Caller.ALICE, "PATCH", "/api/members/" + api.alice, own).status()).isEqualTo(200);
	}

	@Test
	void replacingAToManyRelationshipKeepsTheMembersTheCallerCannotSee() {
		api.reset();
		String aliceTask = "/api/tasks/" + api.aliceTask;
		assertThat(api.send(Caller.ADMIN, "POST", aliceTask + "/relationships/subtasks",
				linkage("[{'type': 'tasks', 'id': '" + api.bobTask + "'}]")).status()).isEqualTo(204);
		ApiResponse alices = api.get(Caller.ALICE, aliceTask + "/relationships/subtasks");
		assertThat(alices.at("/data")).hasSize(1);
		assertThat(api.send(Caller.ALICE, "PATCH", aliceTask + "/relationships/subtasks", linkage("[]")).status())
			.isEqualTo(204);
		ApiResponse admins = api.get(Caller.ADMIN, aliceTask + "/relationships/subtasks");
		assertThat(admins.at("/data")).hasSize(1);
		assertThat(admins.at("/data/0/id").asString()).isEqualTo(Long.toString(api.bobTask));
	}

	@Test
	void unlinkingMembersThatHoldTheForeignKeyCannotMoveThemOutOfTheWritersReach() {
		api.reset();
		String tasksOfAlice = "/api/members/" + api.alice + "/relationships/tasks";
		String aliceTask = linkage("[{'type': 'tasks', 'id': '" + api.aliceTask + "'}]");
		ApiResponse refused = api.send(Caller.ALICE, "DELETE", tasksOfAlice, aliceTask);
		assertThat(refused.status()).as(refused.text()).isEqualTo(403);
		assertThat(api.get(Caller.ADMIN, "/api/tasks/" + api.aliceTask).at("/data/relationships/owner/data/id")
			.asString()).isEqualTo(Long.toString(api.alice));
		assertThat(api.send(Caller.ADMIN, "DELETE", tasksOfAlice, aliceTask).status()).isEqualTo(204);
		assertThat(api.get(Caller.ADMIN, "/api/tasks/" + api.aliceTask).at("/data/relationships/owner/data").isNull())
			.isTrue();
	}

	@Test
	void anIdempotencyKeyReplaysAResponseToTheCallerWhoWroteItOnly() {
		api.reset();
		String create = taskFor(api.alice);
		String[] key = { "Idempotency-Key", "\"3f1c2a5e-scoped-replay\"" };
		ApiResponse admins = api.send(Caller.ADMIN, "POST", "/api/tasks", create, key);
		assertThat(admins.status()).isEqualTo(201);
		ApiResponse replayed = api.send(Caller.ADMIN, "POST", "/api/tasks", create, key);
		assertThat(replayed.status()).isEqualTo(201);
		assertThat(replayed.text()).isEqualTo(admins.text());
		ApiResponse alices = api.send(Caller.ALICE, "POST", "/api/tasks", create, key);
		assertThat(alices.status()).as(alices.text()).isEqualTo(422);
		assertThat(alices.text()).doesNotContain(admins.at("/data/id").asString() + "\"");
	}

	private List<Write> writes(Operation operation) {
		String aliceTask = "/api/tasks/" + api.aliceTask;
		String subtask = "/api/tasks/" + api.aliceSubtask;
		List<Write> writes = new ArrayList<>();
		switch (operation) {
			case POST_RESOURCE -> {
				writes.add(new Write("POST", "/api/tasks", taskFor(api.alice), statuses(401, 201, 403, 201)));
				writes.add(new Write("POST", "/api/operations",
						atomic("{'op': 'add', 'data': " + taskDataFor(api.bob) + "}"), statuses(401, 403, 200, 200)));
			}
			case PATCH_RESOURCE -> {
				writes.add(new Write("PATCH", aliceTask, json("{'data': {'type': 'tasks', 'id': '" + api.aliceTask
						+ "', 'attributes': {'title': 'renamed'}}}"), statuses(401, 200, 404, 200)));
				// moving a task to another owner puts it out of reach of the one who moves it
				writes.add(new Write("PATCH", aliceTask, json("{'data': {'type': 'tasks', 'id': '" + api.aliceTask
						+ "', 'relationships': {'owner': {'data': {'type': 'members', 'id': '" + api.bob + "'}}}}}"),
						statuses(401, 403, 404, 200)));
				writes.add(new Write("POST", "/api/operations", atomic("{'op': 'update', 'data': {'type': 'tasks', "
						+ "'id': '" + api.aliceTask + "', 'attributes': {'points': 9}}}"), statuses(401, 200, 404, 200)));
			}
			case DELETE_RESOURCE -> {
				writes.add(new Write("DELETE", subtask, null, statuses(401, 204, 404, 204)));
				writes.add(new Write("POST", "/api/operations", atomic("{'op': 'remove', 'ref': {'type': 'tasks', "
						+ "'id': '" + api.aliceSubtask + "'}}"), statuses(401, 204, 404, 204)));
			}
			case POST_RELATIONSHIP -> writes.add(new Write("POST", aliceTask + "/relationships/subtasks",
					linkage("[{'type': 'tasks', 'id': '" + api.bobTask + "'}]"), statuses(401, 404, 404, 204)));
			case PATCH_RELATIONSHIP -> {
				writes.add(new Write("PATCH", subtask + "/relationships/parent",
						linkage("{'type': 'tasks', 'id': '" + api.bobTask + "'}"), statuses(401, 404, 404, 204)));
				writes.add(new Write("POST", "/api/operations",
						atomic("{'op': 'update', 'ref': {'type': 'tasks', 'id': '" + api.aliceSubtask
								+ "', 'relationship': 'parent'}, 'data': null}"),
						statuses(401, 204, 404, 204)));
			}
			case DELETE_RELATIONSHIP -> writes.add(new Write("DELETE", aliceTask + "/relationships/subtasks",
					linkage("[{'type': 'tasks', 'id': '" + api.aliceSubtask + "'}]"), statuses(401, 204, 404, 204)));
			// reads are the other test's
			case GET_COLLECTION, GET_RESOURCE, GET_RELATED, GET_RELATED_RESOURCE, GET_RELATIONSHIP, EVAL -> {
			}
		}
		return writes;
	}

	private static Map<Caller, Integer> statuses(int anonymous, int owner, int other, int admin) {
		return Map.of(Caller.ANONYMOUS, anonymous, Caller.ALICE, owner, Caller.BOB, other, Caller.ADMIN, admin);
	}

	private static String taskFor(long owner) {
		return json("{'data': " + taskDataFor(owner) + "}");
	}

	private static String taskDataFor(long owner) {
		return "{'type': 'tasks', 'attributes': {'title': 'new', 'points': 1}, 'relationships': {'owner': "
				+ "{'data': {'type': 'members', 'id': '" + owner + "'}}}}";
	}

	private static String linkage(String data) {
		return json("{'data': " + data + "}");
	}

	private static String atomic(String operation) {
		return json("{'atomic:operations': [" + operation + "]}");
	}

	/** Every task with its title, points, owner and parent, as the admin reads them. */
	private static String snapshot() {
		ApiResponse tasks = api.get(Caller.ADMIN, "/api/tasks?page[size]=100&sort=id");
		StringBuilder state = new StringBuilder();
		tasks.at("/data").forEach((task) -> state.append(task.get("id").asString())
			.append(task.at("/attributes"))
			.append(task.at("/relationships/owner/data"))
			.append(task.at("/relationships/parent/data"))
			.append(';'));
		return state.toString();
	}

}
