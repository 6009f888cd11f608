package dev.restless.it;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.RestlessSettings;
import dev.restless.autoconfigure.RestlessProperties;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Goal;
import dev.restless.it.app.Person;
import dev.restless.it.app.Team;
import dev.restless.it.app.User;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.metamodel.ResourceRegistryFactory;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class CompoundDocumentsIT extends ApiIntegrationTest {

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	private Person person(String name, Integer age) {
		Person person = new Person();
		person.setName(name);
		person.setAge(age);
		this.fixtures.persist(person);
		return person;
	}

	private Computer computer(String name, Person owner) {
		Computer computer = new Computer();
		computer.setName(name);
		computer.setVendor("Acme");
		computer.setOwner(owner);
		this.fixtures.persist(computer);
		return computer;
	}

	private User user(String name, Team team) {
		User user = new User(name);
		user.setTeam(team);
		this.fixtures.persist(user);
		return user;
	}

	private Goal goal(String title, User owner, Goal parent) {
		Goal goal = new Goal(title, owner, parent);
		this.fixtures.persist(goal);
		return goal;
	}

	private static Set<String> included(ApiResponse response) {
		Set<String> keys = new HashSet<>();
		for (JsonNode resource : response.at("/included")) {
			keys.add(key(resource));
		}
		return keys;
	}

	private static String key(JsonNode resource) {
		return resource.get("type").asString() + "/" + resource.get("id").asString();
	}

	private static String key(String type, Object id) {
		return type + "/" + id;
	}

	private static List<String> ids(JsonNode identifiers) {
		List<String> ids = new ArrayList<>();
		for (JsonNode identifier : identifiers) {
			ids.add(identifier.get("id").asString());
		}
		return ids;
	}

	private static JsonNode includedResource(ApiResponse response, String type, Object id) {
		for (JsonNode resource : response.at("/included")) {
			if (key(resource).equals(key(type, id))) {
				return resource;
			}
		}
		throw new AssertionError(key(type, id) + " is not included in " + response);
	}

	/**
	 * Compound document rules: no resource appears twice (nor both as primary data and included),
	 * and every included resource is reachable from the primary data through relationship linkage.
	 */
	private static void assertCompound(ApiResponse response) {
		List<JsonNode> primary = new ArrayList<>();
		JsonNode data = response.at("/data");
		if (data.isArray()) {
			data.forEach(primary::add);
		}
		else if (data.isObject()) {
			primary.add(data);
		}
		Map<String, JsonNode> all = new java.util.HashMap<>();
		for (JsonNode resource : primary) {
			assertThat(all.put(key(resource), resource)).as("duplicate primary %s", key(resource)).isNull();
		}
		for (JsonNode resource : response.at("/included")) {
			assertThat(all.put(key(resource), resource)).as("%s appears twice in %s", key(resource), response)
				.isNull();
		}
		Set<String> reached = new HashSet<>();
		Deque<JsonNode> pending = new ArrayDeque<>(primary);
		while (!pending.isEmpty()) {
			JsonNode resource = pending.pop();
			if (!reached.add(key(resource))) {
				continue;
			}
			for (JsonNode relationship : resource.path("relationships")) {
				JsonNode linkage = relationship.path("data");
				List<JsonNode> identifiers = new ArrayList<>();
				if (linkage.isArray()) {
					linkage.forEach(identifiers::add);
				}
				else if (linkage.isObject()) {
					identifiers.add(linkage);
				}
				for (JsonNode identifier : identifiers) {
					JsonNode target = all.get(key(identifier));
					if (target != null) {
						pending.push(target);
					}
				}
			}
		}
		assertThat(reached).as("resources reachable through linkage in %s", response).containsAll(all.keySet());
	}

	// ---- include

	@Test
	void aMultiLevelIncludeHasEveryLevelOnceWithFullLinkage() {
		User ann = user("Ann", null);
		User bob = user("Bob", null);
		Goal write = goal("write", ann, null);
		Goal read = goal("read", ann, null);
		Goal draft = goal("draft", bob, write);
		Goal edit = goal("edit", ann, write);
		Goal skim = goal("skim", bob, read);
		goal("unrelated", bob, null);

		ApiResponse response = this.api.get("/api/users/" + ann.getId() + "?include=goals.subGoals");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		// "edit" is both one of Ann's goals and a sub-goal of "write": included once
		assertThat(included(response)).containsExactlyInAnyOrder(key("goals", write.getId()),
				key("goals", read.getId()), key("goals", edit.getId()), key("goals", draft.getId()),
				key("goals", skim.getId()));
		assertThat(response.at("/included").size()).isEqualTo(5);
		assertThat(ids(response.at("/data/relationships/goals/data"))).containsExactly(write.getId().toString(),
				read.getId().toString(), edit.getId().toString());
		assertThat(ids(includedResource(response, "goals", write.getId()).at("/relationships/subGoals/data")))
			.containsExactly(draft.getId().toString(), edit.getId().toString());
		assertThat(includedResource(response, "goals", draft.getId()).at("/attributes/title").asString())
			.isEqualTo("draft");
		assertCompound(response);
	}

	@Test
	void includedResourcesThatArePrimaryDataAreNotRepeated() {
		Person ada = person("Ada", 36);
		Person grace = person("Grace", 85);
		computer("a", ada);
		computer("b", ada);
		computer("c", grace);
		computer("d", null);

		ApiResponse response = this.api.get("/api/computers?include=owner.computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(included(response)).containsExactlyInAnyOrder(key("people", ada.getId()),
				key("people", grace.getId()));
		assertCompound(response);
	}

	@Test
	void includedIsAnEmptyArrayWhenAskedForAndNothingMatched() {
		Computer unowned = computer("Unowned", null);

		ApiResponse single = this.api.get("/api/computers/" + unowned.getId() + "?include=owner");
		ApiResponse collection = this.api.get("/api/computers?include=owner");
		ApiResponse notAsked = this.api.get("/api/computers/" + unowned.getId());

		assertThat(single.status()).isEqualTo(200);
		assertThat(single.at("/included").isArray()).isTrue();
		assertThat(single.at("/included").isEmpty()).isTrue();
		assertThat(collection.at("/included").isArray()).isTrue();
		assertThat(collection.at("/included").isEmpty()).isTrue();
		assertThat(notAsked.body().has("included")).isFalse();
	}

	@Test
	void theResourcesDefaultIncludesApplyOnlyWhenTheClientGivesNone() {
		Team blue = new Team("Blue");
		this.fixtures.persist(blue);
		User ann = user("Ann", blue);
		Goal goal = goal("goal", ann, null);

		ApiResponse defaults = this.api.get("/api/users/" + ann.getId());
		ApiResponse collection = this.api.get("/api/users");
		ApiResponse none = this.api.get("/api/users/" + ann.getId() + "?include=");
		ApiResponse other = this.api.get("/api/users/" + ann.getId() + "?include=goals");

		assertThat(included(defaults)).containsExactly(key("teams", blue.getId()));
		assertThat(included(collection)).containsExactly(key("teams", blue.getId()));
		assertThat(none.body().has("included")).isFalse();
		assertThat(included(other)).containsExactly(key("goals", goal.getId()));
	}

	@Test
	void anIncludePathThatIsNotAnExposedRelationshipIs400WithTheParameter() {
		Person ada = person("Ada", 36);

		for (String include : List.of("laptops", "name", "computers.nope", "password", "computers.", "computers,")) {
			ApiResponse response = this.api.get("/api/people/" + ada.getId() + "?include=" + include);
			assertThat(response.status()).as(include).isEqualTo(400);
			assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("include");
		}
	}

	@Test
	void anIncludePathDeeperThanTheMaximumIncludeDepthIs400() {
		User ann = user("Ann", null);
		Goal root = goal("root", ann, null);

		ApiResponse deepest = this.api.get("/api/goals/" + root.getId() + "?include=subGoals.subGoals.subGoals");
		ApiResponse tooDeep = this.api
			.get("/api/goals/" + root.getId() + "?include=subGoals.subGoals.subGoals.subGoals");

		assertThat(deepest.status()).isEqualTo(200);
		assertThat(tooDeep.status()).isEqualTo(400);
		assertThat(tooDeep.firstError().at("/source/parameter").asString()).isEqualTo("include");
		assertThat(tooDeep.firstError().get("detail").asString()).contains("3");
	}

	@Test
	void everyEndpointThatReturnsResourcesHonoursInclude() {
		Person ada = person("Ada", 36);
		Computer engine = computer("Engine", ada);
		String people = key("people", ada.getId());
		String computers = key("computers", engine.getId());

		ApiResponse collection = this.api.get("/api/computers?include=owner");
		ApiResponse single = this.api.get("/api/computers/" + engine.getId() + "?include=owner");
		ApiResponse relatedToOne = this.api.get("/api/computers/" + engine.getId() + "/owner?include=computers");
		ApiResponse relatedToMany = this.api.get("/api/people/" + ada.getId() + "/computers?include=owner");
		ApiResponse relatedResource = this.api
			.get("/api/people/" + ada.getId() + "/computers/" + engine.getId() + "?include=owner");
		ApiResponse created = this.api.post("/api/computers?include=owner", json("""
				{'data': {'type': 'computers', 'attributes': {'name': 'New'},
				  'relationships': {'owner': {'data': {'type': 'people', 'id': '%s'}}}}}""".formatted(ada.getId())));
		ApiResponse updated = this.api.patch("/api/computers/" + engine.getId() + "?include=owner", json("""
				{'data': {'type': 'computers', 'id': '%s', 'attributes': {'name': 'Renamed'}}}"""
			.formatted(engine.getId())));

		for (ApiResponse response : List.of(collection, single, relatedToMany, relatedResource, created, updated)) {
			assertThat(response.status()).as(response.text()).isBetween(200, 201);
			assertThat(included(response)).as(response.text()).containsExactly(people);
			assertCompound(response);
		}
		assertThat(included(relatedToOne)).containsExactly(computers);
	}

	// ---- sparse fieldsets

	@Test
	void aFieldsetKeepsOnlyTheNamedAttributesAndRelationshipsAndAlwaysTypeAndId() {
		Person ada = person("Ada", 36);
		computer("Engine", ada);

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "?fields[people]=name,computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/id").asString()).isEqualTo(ada.getId().toString());
		assertThat(response.at("/data/attributes").propertyNames()).containsExactly("name");
		assertThat(response.at("/data/relationships").propertyNames()).containsExactly("computers");
	}

	@Test
	void anEmptyFieldsetLeavesOnlyTypeIdAndLinks() {
		Person ada = person("Ada", 36);

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "?fields[people]=");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").propertyNames()).containsExactlyInAnyOrder("type", "id", "links");
	}

	@Test
	void fieldsetsApplyToPrimaryAndIncludedResourcesByType() {
		Person ada = person("Ada", 36);
		computer("Engine", ada);

		ApiResponse response = this.api
			.get("/api/computers?include=owner&fields[computers]=name,owner&fields[people]=age");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/0/attributes").propertyNames()).containsExactly("name");
		assertThat(response.at("/data/0/relationships").propertyNames()).containsExactly("owner");
		assertThat(response.at("/included/0/type").asString()).isEqualTo("people");
		assertThat(response.at("/included/0/attributes").propertyNames()).containsExactly("age");
		assertThat(response.at("/included/0").has("relationships")).isFalse();
		assertThat(response.at("/included/0/id").asString()).isEqualTo(ada.getId().toString());
	}

	@Test
	void anUnknownOrHiddenFieldOrTypeInAFieldsetIs400WithTheParameter() {
		Person ada = person("Ada", 36);
		String path = "/api/people/" + ada.getId();

		ApiResponse unknown = this.api.get(path + "?fields[people]=name,nope");
		ApiResponse hidden = this.api.get(path + "?fields[people]=password");
		ApiResponse id = this.api.get(path + "?fields[people]=id");
		ApiResponse type = this.api.get(path + "?fields[nothing]=name");

		for (ApiResponse response : List.of(unknown, hidden, id)) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.firstError().at("/source/parameter").asString()).isEqualTo("fields[people]");
		}
		assertThat(type.status()).isEqualTo(400);
		assertThat(type.firstError().at("/source/parameter").asString()).isEqualTo("fields[nothing]");
	}

	// ---- sort on a to-one relation's attribute

	@Test
	void aCollectionSortsOnAnAttributeOfAToOneRelation() {
		Person zed = person("Zed", 1);
		Person amy = person("Amy", 2);
		Person max = person("Max", 3);
		Computer first = computer("1", zed);
		Computer second = computer("2", amy);
		Computer third = computer("3", max);

		ApiResponse ascending = this.api.get("/api/computers?sort=owner.name");
		ApiResponse descending = this.api.get("/api/computers?sort=-owner.name");
		ApiResponse unknown = this.api.get("/api/computers?sort=owner.nope");
		ApiResponse toMany = this.api.get("/api/people?sort=computers.name");

		assertThat(ascending.status()).as(ascending.text()).isEqualTo(200);
		assertThat(ids(ascending.at("/data"))).containsExactly(second.getId().toString(), third.getId().toString(),
				first.getId().toString());
		assertThat(ids(descending.at("/data"))).containsExactly(first.getId().toString(), third.getId().toString(),
				second.getId().toString());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.firstError().at("/source/parameter").asString()).isEqualTo("sort");
		assertThat(toMany.status()).isEqualTo(400);
	}

	// ---- self-referential hierarchies

	@Test
	void aGoalIsServedWithTwoLevelsOfSubGoals() {
		User ann = user("Ann", null);
		Goal root = goal("root", ann, null);
		Goal a = goal("a", ann, root);
		Goal b = goal("b", ann, root);
		Goal a1 = goal("a1", ann, a);
		Goal a2 = goal("a2", ann, a);
		Goal b1 = goal("b1", ann, b);
		Goal deeper = goal("a1x", ann, a1);

		ApiResponse response = this.api.get("/api/goals/" + root.getId() + "?include=subGoals.subGoals");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/id").asString()).isEqualTo(root.getId().toString());
		assertThat(ids(response.at("/data/relationships/subGoals/data"))).containsExactly(a.getId().toString(),
				b.getId().toString());
		assertThat(included(response)).containsExactlyInAnyOrder(key("goals", a.getId()), key("goals", b.getId()),
				key("goals", a1.getId()), key("goals", a2.getId()), key("goals", b1.getId()));
		assertThat(ids(includedResource(response, "goals", a.getId()).at("/relationships/subGoals/data")))
			.containsExactly(a1.getId().toString(), a2.getId().toString());
		// linkage of the third level names the fourth without including it
		assertThat(ids(includedResource(response, "goals", a1.getId()).at("/relationships/subGoals/data")))
			.containsExactly(deeper.getId().toString());
		assertThat(includedResource(response, "goals", a1.getId()).at("/relationships/parent/data/id").asString())
			.isEqualTo(a.getId().toString());
		assertCompound(response);
	}

	@Test
	void cyclesInTheDataNeverLoop() {
		User ann = user("Ann", null);
		Goal first = goal("first", ann, null);
		Goal second = goal("second", ann, first);
		Goal third = goal("third", ann, second);
		this.fixtures.update((em) -> em.find(Goal.class, first.getId()).setParent(em.find(Goal.class, third.getId())));

		ApiResponse down = this.api.get("/api/goals/" + first.getId() + "?include=subGoals.subGoals.subGoals");
		ApiResponse up = this.api.get("/api/goals?include=parent.parent.parent");
		ApiResponse related = this.api.get("/api/goals/" + first.getId() + "/subGoals?include=subGoals.subGoals");

		assertThat(down.status()).as(down.text()).isEqualTo(200);
		assertThat(included(down)).containsExactlyInAnyOrder(key("goals", second.getId()), key("goals", third.getId()));
		assertCompound(down);
		assertThat(up.status()).as(up.text()).isEqualTo(200);
		assertThat(up.at("/data").size()).isEqualTo(3);
		assertThat(up.at("/included").isEmpty()).isTrue();
		assertThat(related.status()).as(related.text()).isEqualTo(200);
		assertThat(included(related)).containsExactlyInAnyOrder(key("goals", third.getId()),
				key("goals", first.getId()));
		assertCompound(related);
	}

	// ---- to-many linkage switched off

	@Test
	void aResourceWithoutToManyLinkageRendersRelationshipLinksOnly() {
		Team blue = new Team("Blue");
		this.fixtures.persist(blue);
		User ann = user("Ann", blue);
		String team = "/api/teams/" + blue.getId();

		ApiResponse plain = this.api.get(team);
		ApiResponse withInclude = this.api.get(team + "?include=members");
		ApiResponse linkage = this.api.get(team + "/relationships/members");
		ApiResponse includedTeam = this.api.get("/api/users/" + ann.getId());

		assertThat(plain.status()).as(plain.text()).isEqualTo(200);
		JsonNode members = plain.at("/data/relationships/members");
		assertThat(members.has("data")).isFalse();
		assertThat(members.at("/links/related").asString()).isEqualTo(this.api.root() + team + "/members");
		assertThat(members.at("/links/self").asString()).isEqualTo(this.api.root() + team + "/relationships/members");
		// an include needs linkage to connect the included resources, so it brings it back
		assertThat(ids(withInclude.at("/data/relationships/members/data"))).containsExactly(ann.getId().toString());
		assertThat(included(withInclude)).contains(key("users", ann.getId()));
		assertCompound(withInclude);
		assertThat(ids(linkage.at("/data"))).containsExactly(ann.getId().toString());
		assertThat(includedResource(includedTeam, "teams", blue.getId()).at("/relationships/members").has("data"))
			.isFalse();
		// users keep their to-many linkage
		assertThat(includedTeam.at("/data/relationships/goals/data").isArray()).isTrue();
	}

	@Test
	void toManyLinkageIsSetByTheAnnotationAndOverriddenByTheProperty() {
		ResourceRegistry annotationOnly = registry(Map.of());
		ResourceRegistry overridden = registry(Map.of("restless.resources.teams.to-many-linkage", "true",
				"restless.resources.users.to-many-linkage", "false"));

		assertThat(annotationOnly.find("teams").orElseThrow().toManyLinkage()).isFalse();
		assertThat(annotationOnly.find("users").orElseThrow().toManyLinkage()).isTrue();
		assertThat(overridden.find("teams").orElseThrow().toManyLinkage()).isTrue();
		assertThat(overridden.find("users").orElseThrow().toManyLinkage()).isFalse();
	}

	private ResourceRegistry registry(Map<String, String> properties) {
		RestlessProperties bound = new Binder(new MapConfigurationPropertySource(properties))
			.bind("restless", RestlessProperties.class)
			.orElseGet(RestlessProperties::new);
		RestlessSettings settings = new RestlessSettings();
		bound.applyTo(settings);
		return new ResourceRegistryFactory(settings).create(this.entityManagerFactory.getMetamodel());
	}

}
