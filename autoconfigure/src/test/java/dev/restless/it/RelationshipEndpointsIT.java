package dev.restless.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Goal;
import dev.restless.it.app.Person;
import dev.restless.it.app.Project;
import dev.restless.it.app.Skill;
import dev.restless.it.app.Tag;
import dev.restless.it.app.Team;
import dev.restless.it.app.User;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RelationshipEndpointsIT extends ApiIntegrationTest {

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		this.fixtures.persist(person);
		return person;
	}

	private Computer computer(String name, Person owner) {
		Computer computer = new Computer();
		computer.setName(name);
		computer.setOwner(owner);
		this.fixtures.persist(computer);
		return computer;
	}

	private Tag tag(String label) {
		Tag tag = new Tag();
		tag.setId(UUID.randomUUID());
		tag.setLabel(label);
		this.fixtures.persist(tag);
		return tag;
	}

	private User user(String name, Tag... tags) {
		User user = new User(name);
		user.getTags().addAll(List.of(tags));
		this.fixtures.persist(user);
		return user;
	}

	private Goal goal(String title, User owner) {
		Goal goal = new Goal(title, owner, null);
		this.fixtures.persist(goal);
		return goal;
	}

	private Long ownerOf(Computer computer) {
		return this.fixtures.read((em) -> {
			Person owner = em.find(Computer.class, computer.getId()).getOwner();
			return (owner != null) ? owner.getId() : null;
		});
	}

	private Long ownerOf(Goal goal) {
		return this.fixtures.read((em) -> {
			User owner = em.find(Goal.class, goal.getId()).getOwner();
			return (owner != null) ? owner.getId() : null;
		});
	}

	private Set<String> tagsOf(User user) {
		return this.fixtures.read((em) -> {
			Set<String> labels = new TreeSet<>();
			em.find(User.class, user.getId()).getTags().forEach((tag) -> labels.add(tag.getLabel()));
			return labels;
		});
	}

	private long joinTableRows(User user) {
		return this.fixtures.read((em) -> em
			.createQuery("select count(t) from User u join u.tags t where u.id = :id", Long.class)
			.setParameter("id", user.getId())
			.getSingleResult());
	}

	private static String identifier(String type, Object id) {
		return "{\"type\": \"" + type + "\", \"id\": \"" + id + "\"}";
	}

	private static String linkage(String... identifiers) {
		return "{\"data\": [" + String.join(", ", identifiers) + "]}";
	}

	private ApiResponse deleteWithBody(String path, String body) {
		return this.api.exchange("DELETE", path, body, "Content-Type", JsonApiClient.JSON_API, "Accept",
				JsonApiClient.JSON_API);
	}

	private static List<String> dataIds(ApiResponse response) {
		return ids(response.at("/data"));
	}

	private static List<String> ids(JsonNode identifiers) {
		List<String> ids = new ArrayList<>();
		for (JsonNode identifier : identifiers) {
			ids.add(identifier.get("id").asString());
		}
		return ids;
	}

	// ---- GET linkage

	@Test
	void getOfAToOneRelationshipIsAnIdentifierOrNullWithSelfAndRelatedLinks() {
		Person ada = person("Ada");
		Computer owned = computer("Owned", ada);
		Computer unowned = computer("Unowned", null);

		ApiResponse response = this.api.get("/api/computers/" + owned.getId() + "/relationships/owner");
		ApiResponse empty = this.api.get("/api/computers/" + unowned.getId() + "/relationships/owner");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/id").asString()).isEqualTo(ada.getId().toString());
		assertThat(response.at("/data").has("attributes")).isFalse();
		String resource = this.api.root() + "/api/computers/" + owned.getId();
		assertThat(response.at("/links/self").asString()).isEqualTo(resource + "/relationships/owner");
		assertThat(response.at("/links/related").asString()).isEqualTo(resource + "/owner");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body().has("data")).isTrue();
		assertThat(empty.at("/data").isNull()).isTrue();
	}

	@Test
	void getOfAToManyRelationshipIsTheCompleteLinkageWhateverItsSize() {
		Person ada = person("Ada");
		List<String> expected = new ArrayList<>();
		for (int index = 0; index < 12; index++) {
			expected.add(computer("computer " + index, ada).getId().toString());
		}
		computer("Someone else's", person("Grace"));
		Person nobody = person("Nobody");

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "/relationships/computers");
		ApiResponse empty = this.api.get("/api/people/" + nobody.getId() + "/relationships/computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(dataIds(response)).containsExactlyElementsOf(expected);
		assertThat(response.at("/data/0/type").asString()).isEqualTo("computers");
		assertThat(response.at("/links/related").asString())
			.isEqualTo(this.api.root() + "/api/people/" + ada.getId() + "/computers");
		assertThat(empty.at("/data").isArray()).isTrue();
		assertThat(empty.at("/data").isEmpty()).isTrue();
	}

	@Test
	void getOfARelationshipIs404ForAMissingParentOrAnUnknownRelationship() {
		Person ada = person("Ada");

		assertThat(this.api.get("/api/people/987654/relationships/computers").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/" + ada.getId() + "/relationships/laptops").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/" + ada.getId() + "/relationships/name").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/" + ada.getId() + "/relationships/password").status()).isEqualTo(404);
	}

	@Test
	void relationshipEndpointsRefuseQueryParametersThatCannotApplyToLinkage() {
		Person ada = person("Ada");
		String path = "/api/people/" + ada.getId() + "/relationships/computers";

		ApiResponse include = this.api.get(path + "?include=owner");
		ApiResponse page = this.api.get(path + "?page[size]=2");
		ApiResponse fields = this.api.get(path + "?fields[computers]=name");

		assertThat(include.status()).isEqualTo(400);
		assertThat(include.firstError().at("/source/parameter").asString()).isEqualTo("include");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.firstError().at("/source/parameter").asString()).isEqualTo("page[size]");
		assertThat(fields.status()).isEqualTo(400);
		assertThat(fields.firstError().at("/source/parameter").asString()).isEqualTo("fields[computers]");
	}

	// ---- PATCH

	@Test
	void patchOfAToOneRelationshipReplacesItAndAnswers204() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		Computer engine = computer("Engine", ada);

		ApiResponse response = this.api.patch("/api/computers/" + engine.getId() + "/relationships/owner",
				"{\"data\": " + identifier("people", grace.getId()) + "}");

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(response.text()).isEmpty();
		assertThat(ownerOf(engine)).isEqualTo(grace.getId());
		assertThat(dataIds(this.api.get("/api/people/" + grace.getId() + "/relationships/computers")))
			.containsExactly(engine.getId().toString());
		assertThat(dataIds(this.api.get("/api/people/" + ada.getId() + "/relationships/computers"))).isEmpty();
	}

	@Test
	void patchWithNullClearsAToOneRelationship() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);

		ApiResponse response = this.api.patch("/api/computers/" + engine.getId() + "/relationships/owner",
				"{\"data\": null}");

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(ownerOf(engine)).isNull();
	}

	@Test
	void patchOfAToOneRelationshipWithAnArrayIs400AndChangesNothing() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		Computer engine = computer("Engine", ada);

		ApiResponse response = this.api.patch("/api/computers/" + engine.getId() + "/relationships/owner",
				linkage(identifier("people", grace.getId())));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo("/data");
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
	}

	@Test
	void patchOfAToManyRelationshipThatChangesItsMembersIs403WithoutAllowToManyReplacement() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);
		Computer other = computer("Other", null);
		String path = "/api/people/" + ada.getId() + "/relationships/computers";

		ApiResponse valid = this.api.patch(path, linkage(identifier("computers", other.getId())));
		ApiResponse cleared = this.api.patch(path, linkage());
		ApiResponse malformed = this.api.patch(path, "{not json");

		assertThat(valid.status()).isEqualTo(403);
		assertThat(valid.firstError().get("status").asString()).isEqualTo("403");
		assertThat(cleared.status()).isEqualTo(403);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
		assertThat(ownerOf(other)).isNull();
	}

	@Test
	void sendingTheCurrentMembersOfAToManyRelationshipIsNoReplacementWhereReplacementIsNotAllowed() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);
		Computer laptop = computer("Laptop", ada);
		Computer other = computer("Other", null);
		String current = linkage(identifier("computers", laptop.getId()), identifier("computers", engine.getId()));

		ApiResponse relationship = this.api.patch("/api/people/" + ada.getId() + "/relationships/computers", current);
		ApiResponse resource = this.api.patch("/api/people/" + ada.getId(), "{\"data\": {\"type\": \"people\", "
				+ "\"id\": \"" + ada.getId() + "\", \"attributes\": {\"name\": \"Ada L.\"}, "
				+ "\"relationships\": {\"computers\": " + current + "}}}");
		ApiResponse atomic = plainClient().exchange("POST", "/api/operations",
				"{\"atomic:operations\": [{\"op\": \"update\", \"ref\": {\"type\": \"people\", \"id\": \""
						+ ada.getId() + "\", \"relationship\": \"computers\"}, \"data\": "
						+ current.substring("{\"data\": ".length(), current.length() - 1) + "}]}",
				"Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);
		ApiResponse changed = this.api.patch("/api/people/" + ada.getId(), "{\"data\": {\"type\": \"people\", "
				+ "\"id\": \"" + ada.getId() + "\", \"relationships\": {\"computers\": "
				+ linkage(identifier("computers", engine.getId()), identifier("computers", other.getId())) + "}}}");

		assertThat(relationship.status()).as(relationship.text()).isEqualTo(204);
		assertThat(resource.status()).as(resource.text()).isEqualTo(200);
		assertThat(resource.at("/data/attributes/name").asString()).isEqualTo("Ada L.");
		assertThat(atomic.status()).as(atomic.text()).isEqualTo(204);
		assertThat(changed.status()).as("other members are a replacement").isEqualTo(403);
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
		assertThat(ownerOf(laptop)).isEqualTo(ada.getId());
		assertThat(ownerOf(other)).isNull();
	}

	@Test
	void patchReplacesAToManyRelationshipWhereAllowedAndUpdatesTheOtherSide() {
		User ann = user("Ann");
		User bob = user("Bob");
		Goal dropped = goal("dropped", ann);
		Goal kept = goal("kept", ann);
		Goal taken = goal("taken", bob);

		ApiResponse response = this.api.patch("/api/users/" + ann.getId() + "/relationships/goals",
				linkage(identifier("goals", kept.getId()), identifier("goals", taken.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(ownerOf(dropped)).isNull();
		assertThat(ownerOf(kept)).isEqualTo(ann.getId());
		assertThat(ownerOf(taken)).isEqualTo(ann.getId());
		assertThat(dataIds(this.api.get("/api/users/" + bob.getId() + "/relationships/goals"))).isEmpty();
	}

	@Test
	void patchReplacesAToManyRelationshipThroughAJoinTableAndAnEmptyArrayClearsIt() {
		Tag red = tag("red");
		Tag green = tag("green");
		Tag blue = tag("blue");
		User ann = user("Ann", red, green);
		String path = "/api/users/" + ann.getId() + "/relationships/tags";

		ApiResponse replaced = this.api.patch(path, linkage(identifier("tags", green.getId()),
				identifier("tags", blue.getId())));
		Set<String> afterReplacement = tagsOf(ann);
		ApiResponse cleared = this.api.patch(path, linkage());

		assertThat(replaced.status()).as(replaced.text()).isEqualTo(204);
		assertThat(afterReplacement).containsExactly("blue", "green");
		assertThat(cleared.status()).as(cleared.text()).isEqualTo(204);
		assertThat(tagsOf(ann)).isEmpty();
		assertThat(this.fixtures.count(Tag.class)).isEqualTo(3);
	}

	@Test
	void patchWithNullForAToManyRelationshipIs400() {
		Tag red = tag("red");
		User ann = user("Ann", red);

		ApiResponse response = this.api.patch("/api/users/" + ann.getId() + "/relationships/tags",
				"{\"data\": null}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError().at("/source/pointer").asString()).isEqualTo("/data");
		assertThat(tagsOf(ann)).containsExactly("red");
	}

	// ---- POST

	@Test
	void postAddsMembersToAToManyRelationshipWithoutDuplicatesAndWritesTheOwningSide() {
		Person ada = person("Ada");
		Computer first = computer("First", ada);
		Computer second = computer("Second", null);

		ApiResponse response = this.api.post("/api/people/" + ada.getId() + "/relationships/computers",
				linkage(identifier("computers", first.getId()), identifier("computers", second.getId()),
						identifier("computers", second.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(ownerOf(first)).isEqualTo(ada.getId());
		assertThat(ownerOf(second)).isEqualTo(ada.getId());
		assertThat(dataIds(this.api.get("/api/people/" + ada.getId() + "/relationships/computers")))
			.containsExactly(first.getId().toString(), second.getId().toString());
	}

	@Test
	void postOfMembersAlreadyInAJoinTableAddsNoRow() {
		Tag red = tag("red");
		Tag blue = tag("blue");
		User ann = user("Ann", red);

		ApiResponse response = this.api.post("/api/users/" + ann.getId() + "/relationships/tags",
				linkage(identifier("tags", red.getId()), identifier("tags", blue.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(tagsOf(ann)).containsExactly("blue", "red");
		assertThat(joinTableRows(ann)).isEqualTo(2);
	}

	@Test
	void postToAToOneRelationshipIs403() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", null);

		ApiResponse response = this.api.post("/api/computers/" + engine.getId() + "/relationships/owner",
				"{\"data\": " + identifier("people", ada.getId()) + "}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(ownerOf(engine)).isNull();
	}

	// ---- DELETE

	@Test
	void deleteFromAToManyRelationshipIs403WithoutTheFlagEvenBeforeTheBodyIsRead() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);
		String path = "/api/people/" + ada.getId() + "/relationships/computers";

		ApiResponse valid = deleteWithBody(path, linkage(identifier("computers", engine.getId())));
		ApiResponse malformed = deleteWithBody(path, "{not json");
		ApiResponse withoutBody = this.api.delete(path);

		assertThat(valid.status()).isEqualTo(403);
		assertThat(malformed.status()).isEqualTo(403);
		assertThat(withoutBody.status()).isEqualTo(403);
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
	}

	@Test
	void deleteRemovesMembersAndIgnoresResourcesThatAreNotMembers() {
		Tag red = tag("red");
		Tag green = tag("green");
		Tag blue = tag("blue");
		User ann = user("Ann", red, blue);

		ApiResponse response = deleteWithBody("/api/users/" + ann.getId() + "/relationships/tags",
				linkage(identifier("tags", red.getId()), identifier("tags", green.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(tagsOf(ann)).containsExactly("blue");
		assertThat(this.fixtures.count(Tag.class)).isEqualTo(3);
	}

	@Test
	void deleteFromTheInverseSideClearsTheOwningSide() {
		User ann = user("Ann");
		Goal removed = goal("removed", ann);
		Goal kept = goal("kept", ann);

		ApiResponse response = deleteWithBody("/api/users/" + ann.getId() + "/relationships/goals",
				linkage(identifier("goals", removed.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(ownerOf(removed)).isNull();
		assertThat(ownerOf(kept)).isEqualTo(ann.getId());
		assertThat(this.fixtures.count(Goal.class)).isEqualTo(2);
	}

	@Test
	void deleteOnAToOneRelationshipIs403() {
		User ann = user("Ann");
		Goal parent = goal("parent", ann);
		Goal child = new Goal("child", ann, parent);
		this.fixtures.persist(child);

		ApiResponse response = deleteWithBody("/api/goals/" + child.getId() + "/relationships/parent",
				"{\"data\": " + identifier("goals", parent.getId()) + "}");

		assertThat(response.status()).isEqualTo(403);
		assertThat(dataIds(this.api.get("/api/goals/" + parent.getId() + "/relationships/subGoals")))
			.containsExactly(child.getId().toString());
	}

	// ---- errors

	@Test
	void badLinkageIs400409Or404WithAPointerAndChangesNothing() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);
		String toOne = "/api/computers/" + engine.getId() + "/relationships/owner";
		Tag red = tag("red");
		User ann = user("Ann", red);
		String toMany = "/api/users/" + ann.getId() + "/relationships/tags";

		ApiResponse notJson = this.api.patch(toOne, "{not json");
		ApiResponse notAnObject = this.api.patch(toOne, "[]");
		ApiResponse noBody = this.api.patch(toOne, "");
		ApiResponse noData = this.api.patch(toOne, "{\"meta\": {}}");
		ApiResponse notAnIdentifier = this.api.patch(toOne, "{\"data\": \"1\"}");
		ApiResponse missingType = this.api.patch(toOne, json("{'data': {'id': '" + ada.getId() + "'}}"));
		ApiResponse missingId = this.api.patch(toOne, json("{'data': {'type': 'people'}}"));
		ApiResponse numericId = this.api.patch(toOne, json("{'data': {'type': 'people', 'id': " + ada.getId() + "}}"));
		ApiResponse wrongType = this.api.patch(toOne, "{\"data\": " + identifier("computers", engine.getId()) + "}");
		ApiResponse unknown = this.api.patch(toOne, "{\"data\": " + identifier("people", 987654) + "}");
		ApiResponse unknownInArray = this.api.post(toMany,
				linkage(identifier("tags", red.getId()), identifier("tags", UUID.randomUUID())));
		ApiResponse badMember = this.api.post(toMany, linkage(identifier("tags", red.getId()), "{\"type\": \"tags\"}"));

		for (ApiResponse response : List.of(notJson, notAnObject, noBody, noData, notAnIdentifier, missingType,
				missingId, numericId, badMember)) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.firstError().get("status").asString()).isEqualTo("400");
		}
		assertThat(missingType.firstError().at("/source/pointer").asString()).isEqualTo("/data");
		assertThat(badMember.firstError().at("/source/pointer").asString()).isEqualTo("/data/1");
		assertThat(wrongType.status()).isEqualTo(409);
		assertThat(wrongType.firstError().at("/source/pointer").asString()).isEqualTo("/data/type");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.firstError().at("/source/pointer").asString()).isEqualTo("/data");
		assertThat(unknownInArray.status()).isEqualTo(404);
		assertThat(unknownInArray.firstError().at("/source/pointer").asString()).isEqualTo("/data/1");
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
		assertThat(tagsOf(ann)).containsExactly("red");
	}

	@Test
	void writesToAMissingParentAre404() {
		Person ada = person("Ada");

		ApiResponse response = this.api.patch("/api/computers/987654/relationships/owner",
				"{\"data\": " + identifier("people", ada.getId()) + "}");

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void relationshipWritesNeedPatchEnabledForTheResourceOtherwise405WithAllow() {
		Team team = new Team("Blue");
		this.fixtures.persist(team);
		User ann = user("Ann");
		String teamMembers = "/api/teams/" + team.getId() + "/relationships/members";

		ApiResponse patch = this.api.patch(teamMembers, linkage(identifier("users", ann.getId())));
		ApiResponse post = this.api.post(teamMembers, linkage(identifier("users", ann.getId())));
		ApiResponse delete = deleteWithBody(teamMembers, linkage(identifier("users", ann.getId())));
		ApiResponse get = this.api.get(teamMembers);
		ApiResponse put = this.api.exchange("PUT", "/api/users/" + ann.getId() + "/relationships/tags", "{}",
				"Content-Type", JsonApiClient.JSON_API);

		for (ApiResponse response : List.of(patch, post, delete)) {
			assertThat(response.status()).as(response.text()).isEqualTo(405);
			assertThat(response.header("Allow")).isEqualTo("GET");
		}
		assertThat(get.status()).isEqualTo(200);
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.header("Allow")).isEqualTo("GET, POST, PATCH, DELETE");
		Long teamOfAnn = this.fixtures.read((em) -> {
			Team current = em.find(User.class, ann.getId()).getTeam();
			return (current != null) ? current.getId() : null;
		});
		assertThat(teamOfAnn).isNull();
	}

	@Test
	void relationshipWritesNegotiateTheMediaTypeLikeOtherWrites() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		Computer engine = computer("Engine", ada);
		String path = "/api/computers/" + engine.getId() + "/relationships/owner";
		String body = "{\"data\": " + identifier("people", grace.getId()) + "}";

		ApiResponse plainJson = this.api.exchange("PATCH", path, body, "Content-Type", "application/json");
		ApiResponse noContentType = this.api.exchange("PATCH", path, body);
		ApiResponse unknownExtension = this.api.exchange("PATCH", path, body, "Content-Type",
				"application/vnd.api+json; ext=\"https://example.com/ext\"");
		ApiResponse notAcceptable = this.api.exchange("PATCH", path, body, "Content-Type", JsonApiClient.JSON_API,
				"Accept", "text/html");

		assertThat(plainJson.status()).isEqualTo(415);
		assertThat(noContentType.status()).isEqualTo(415);
		assertThat(unknownExtension.status()).isEqualTo(415);
		assertThat(notAcceptable.status()).isEqualTo(406);
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
	}

	// ---- linkage inside resource documents

	@Test
	void patchOfAResourceCannotReplaceAToManyRelationshipWithoutTheFlag() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);
		Computer other = computer("Other", null);

		ApiResponse response = this.api.patch("/api/people/" + ada.getId(), json("""
				{'data': {'type': 'people', 'id': '%s', 'attributes': {'name': 'Changed'},
				  'relationships': {'computers': {'data': [{'type': 'computers', 'id': '%s'}]}}}}"""
			.formatted(ada.getId(), other.getId())));

		assertThat(response.status()).isEqualTo(403);
		assertThat(ownerOf(engine)).isEqualTo(ada.getId());
		assertThat(ownerOf(other)).isNull();
		String name = this.fixtures.read((em) -> em.find(Person.class, ada.getId()).getName());
		assertThat(name).isEqualTo("Ada");
	}

	@Test
	void patchOfAResourceReplacesAToManyRelationshipWhereAllowedAndUpdatesTheOtherSide() {
		User ann = user("Ann");
		Goal dropped = goal("dropped", ann);
		Goal kept = goal("kept", ann);

		ApiResponse response = this.api.patch("/api/users/" + ann.getId(), json("""
				{'data': {'type': 'users', 'id': '%s',
				  'relationships': {'goals': {'data': [{'type': 'goals', 'id': '%s'}]}}}}"""
			.formatted(ann.getId(), kept.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(ids(response.at("/data/relationships/goals/data"))).containsExactly(kept.getId().toString());
		assertThat(ownerOf(dropped)).isNull();
		assertThat(ownerOf(kept)).isEqualTo(ann.getId());
	}

	@Test
	void postOfAResourceMaySetAToManyRelationshipAndTheOwningSideIsWritten() {
		Computer engine = computer("Engine", null);

		ApiResponse response = this.api.post("/api/people", json("""
				{'data': {'type': 'people', 'attributes': {'name': 'Grace'},
				  'relationships': {'computers': {'data': [{'type': 'computers', 'id': '%s'}]}}}}"""
			.formatted(engine.getId())));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.at("/data/relationships/computers/data/0/id").asString())
			.isEqualTo(engine.getId().toString());
		assertThat(ownerOf(engine)).isEqualTo(Long.valueOf(response.at("/data/id").asString()));
	}

	@Test
	void linkageInsideResourceDocumentsFollowsTheSameRules() {
		Person ada = person("Ada");
		Tag red = tag("red");
		User ann = user("Ann", red);

		ApiResponse wrongType = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': {'type': 'computers', 'id': '%s'}}}}}""".formatted(ada.getId())));
		ApiResponse missingId = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': {'type': 'people'}}}}}"""));
		ApiResponse unknown = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': {'type': 'people', 'id': '987654'}}}}}"""));
		ApiResponse arrayForToOne = this.api.post("/api/computers", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'X'},
				  'relationships': {'owner': {'data': [{'type': 'people', 'id': '%s'}]}}}}""".formatted(ada.getId())));
		ApiResponse nullForToMany = this.api.patch("/api/users/" + ann.getId(), json("""
				{'data': {'type': 'users', 'id': '%s', 'relationships': {'tags': {'data': null}}}}"""
			.formatted(ann.getId())));

		assertThat(wrongType.status()).isEqualTo(409);
		assertThat(wrongType.firstError().at("/source/pointer").asString())
			.isEqualTo("/data/relationships/owner/data/type");
		assertThat(missingId.status()).isEqualTo(400);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.firstError().at("/source/pointer").asString()).isEqualTo("/data/relationships/owner/data");
		assertThat(arrayForToOne.status()).isEqualTo(400);
		assertThat(nullForToMany.status()).isEqualTo(400);
		assertThat(this.fixtures.count(Computer.class)).isZero();
		assertThat(tagsOf(ann)).containsExactly("red");
	}

	// ---- the inverse side of a many-to-many association

	private Set<String> skillsOf(Project project) {
		return this.fixtures.read((em) -> {
			Set<String> names = new TreeSet<>();
			em.find(Project.class, project.getId()).getSkills().forEach((skill) -> names.add(skill.getName()));
			return names;
		});
	}

	@Test
	void relationshipWritesOnTheInverseSideOfAManyToManyAssociationReachTheJoinTable() {
		Project apollo = new Project("Apollo");
		Project gemini = new Project("Gemini");
		Skill java = new Skill("Java");
		this.fixtures.persist(apollo, gemini, java);
		String path = "/api/skills/" + java.getId() + "/relationships/projects";

		ApiResponse added = this.api.post(path, linkage(identifier("projects", apollo.getId())));
		assertThat(added.status()).as(added.text()).isEqualTo(204);
		assertThat(skillsOf(apollo)).containsExactly("Java");

		ApiResponse replaced = this.api.patch(path, linkage(identifier("projects", gemini.getId())));
		assertThat(replaced.status()).as(replaced.text()).isEqualTo(204);
		assertThat(skillsOf(apollo)).isEmpty();
		assertThat(skillsOf(gemini)).containsExactly("Java");

		ApiResponse removed = deleteWithBody(path, linkage(identifier("projects", gemini.getId())));
		assertThat(removed.status()).as(removed.text()).isEqualTo(204);
		assertThat(skillsOf(gemini)).isEmpty();
	}

	@Test
	void resourceWritesOnTheInverseSideOfAManyToManyAssociationReachTheJoinTable() {
		Project apollo = new Project("Apollo");
		Project gemini = new Project("Gemini");
		this.fixtures.persist(apollo, gemini);

		ApiResponse created = this.api.post("/api/skills", json("{'data': {'type': 'skills', 'attributes': {'name': "
				+ "'Rust'}, 'relationships': {'projects': {'data': [{'type': 'projects', 'id': '" + apollo.getId()
				+ "'}]}}}}"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(dataIds(this.api.get("/api/projects/" + apollo.getId() + "/relationships/skills")))
			.containsExactly(created.at("/data/id").asString());
		assertThat(skillsOf(apollo)).containsExactly("Rust");

		String id = created.at("/data/id").asString();
		ApiResponse updated = this.api.patch("/api/skills/" + id, json("{'data': {'type': 'skills', 'id': '" + id
				+ "', 'relationships': {'projects': {'data': [{'type': 'projects', 'id': '" + gemini.getId()
				+ "'}]}}}}"));
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(skillsOf(apollo)).isEmpty();
		assertThat(skillsOf(gemini)).containsExactly("Rust");
	}

}
