package dev.restless.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.restless.Operation;
import dev.restless.ProcessingException;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Goal;
import dev.restless.it.app.Person;
import dev.restless.it.app.Tag;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.app.User;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelationshipProcessorsIT extends ApiIntegrationTest {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	private Tag tag(String label) {
		Tag tag = new Tag();
		tag.setId(UUID.randomUUID());
		tag.setLabel(label);
		this.fixtures.persist(tag);
		return tag;
	}

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

	private long tagCount(User user) {
		return this.fixtures.read((em) -> (long) em.find(User.class, user.getId()).getTags().size());
	}

	private static String tags(Tag... tags) {
		List<String> identifiers = new ArrayList<>();
		for (Tag tag : tags) {
			identifiers.add("{\"type\": \"tags\", \"id\": \"" + tag.getId() + "\"}");
		}
		return "{\"data\": [" + String.join(", ", identifiers) + "]}";
	}

	private ApiResponse deleteWithBody(String path, String body) {
		return this.api.exchange("DELETE", path, body, "Content-Type", JsonApiClient.JSON_API);
	}

	@Test
	void relatedAndRelationshipOperationsRunTheProcessorsWithTheRelationName() {
		Tag red = tag("red");
		Tag blue = tag("blue");
		User ann = new User("Ann");
		ann.getTags().add(red);
		this.fixtures.persist(ann);
		TestProcessors.globalPreprocessing = (context) -> this.seen
			.add("pre " + context.operation() + " " + context.collection() + " " + context.relation());
		TestProcessors.globalPostprocessing = (context) -> this.seen.add("post " + context.operation() + " "
				+ context.collection() + " " + context.relation() + " " + context.entities().size());
		String user = "/api/users/" + ann.getId();

		List<Integer> statuses = List.of(this.api.get(user + "/tags").status(),
				this.api.get(user + "/tags/" + red.getId()).status(),
				this.api.get(user + "/relationships/tags").status(),
				this.api.post(user + "/relationships/tags", tags(blue)).status(),
				this.api.patch(user + "/relationships/tags", tags(red)).status(),
				deleteWithBody(user + "/relationships/tags", tags(red)).status());

		assertThat(statuses).containsExactly(200, 200, 200, 204, 204, 204);
		assertThat(this.seen).containsExactly("pre GET_RELATED users tags", "post GET_RELATED users tags 1",
				"pre GET_RELATED_RESOURCE users tags", "post GET_RELATED_RESOURCE users tags 1",
				"pre GET_RELATIONSHIP users tags", "post GET_RELATIONSHIP users tags 1",
				"pre POST_RELATIONSHIP users tags", "post POST_RELATIONSHIP users tags 1",
				"pre PATCH_RELATIONSHIP users tags", "post PATCH_RELATIONSHIP users tags 1",
				"pre DELETE_RELATIONSHIP users tags", "post DELETE_RELATIONSHIP users tags 1");
	}

	@Test
	void aPreprocessorSeesTheIdOfTheRelatedResourceAndMayReplaceIt() {
		Tag red = tag("red");
		User ann = new User("Ann");
		ann.getTags().add(red);
		this.fixtures.persist(ann);
		TestProcessors.globalPreprocessing = (context) -> {
			if (context.operation() == Operation.GET_RELATED_RESOURCE) {
				this.seen.add(context.relatedId());
				if (context.relatedId().equals("favourite")) {
					context.setRelatedId(red.getId().toString());
				}
			}
		};

		ApiResponse byId = this.api.get("/api/users/" + ann.getId() + "/tags/" + red.getId());
		ApiResponse byAlias = this.api.get("/api/users/" + ann.getId() + "/tags/favourite");

		assertThat(this.seen).containsExactly(red.getId().toString(), "favourite");
		assertThat(byId.status()).isEqualTo(200);
		assertThat(byAlias.status()).as(byAlias.text()).isEqualTo(200);
		assertThat(byAlias.at("/data/id").asString()).isEqualTo(red.getId().toString());
	}

	@Test
	void aPostprocessorThatFailsRollsTheRelationshipWriteBack() {
		Tag red = tag("red");
		Tag blue = tag("blue");
		User ann = new User("Ann");
		ann.getTags().add(red);
		this.fixtures.persist(ann);
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation().name().endsWith("_RELATIONSHIP")
					&& context.operation() != Operation.GET_RELATIONSHIP) {
				throw new ProcessingException(422, "Refused", "Not today");
			}
		};
		String path = "/api/users/" + ann.getId() + "/relationships/tags";

		ApiResponse post = this.api.post(path, tags(blue));
		ApiResponse patch = this.api.patch(path, tags());
		ApiResponse delete = deleteWithBody(path, tags(red));

		for (ApiResponse response : List.of(post, patch, delete)) {
			assertThat(response.status()).as(response.text()).isEqualTo(422);
			assertThat(response.firstError().get("title").asString()).isEqualTo("Refused");
		}
		assertThat(tagCount(ann)).isEqualTo(1);
		assertThat(this.api.get(path).at("/data/0/id").asString()).isEqualTo(red.getId().toString());
	}

	@Test
	void bothSidesOfABidirectionalAssociationAgreeWithinTheRequest() {
		User ann = new User("Ann");
		User bob = new User("Bob");
		this.fixtures.persist(ann, bob);
		Goal dropped = new Goal("dropped", ann, null);
		Goal taken = new Goal("taken", bob, null);
		this.fixtures.persist(dropped, taken);
		List<String> observed = new CopyOnWriteArrayList<>();
		TestProcessors.globalPostprocessing = (context) -> {
			User owner = (User) context.entities().get(0);
			for (Goal goal : owner.getGoals()) {
				observed.add(goal.getTitle() + " owned by " + goal.getOwner().getName());
			}
		};

		ApiResponse response = this.api.patch("/api/users/" + ann.getId() + "/relationships/goals",
				"{\"data\": [{\"type\": \"goals\", \"id\": \"" + taken.getId() + "\"}]}");

		assertThat(response.status()).as(response.text()).isEqualTo(204);
		assertThat(observed).containsExactly("taken owned by Ann");
	}

	@Test
	void aPreprocessorCanRedirectARelatedRequestToAnotherResource() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		computer("Ada's", ada);
		Computer graces = computer("Grace's", grace);
		TestProcessors.globalPreprocessing = (context) -> {
			if (context.operation() == Operation.GET_RELATED) {
				context.setId(grace.getId().toString());
			}
		};

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "/computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").size()).isEqualTo(1);
		assertThat(response.at("/data/0/id").asString()).isEqualTo(graces.getId().toString());
	}

	@Test
	void aPostprocessorCanAnswerARelationshipWriteWithADocument() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", null);
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation() == Operation.PATCH_RELATIONSHIP) {
				assertThat(context.document()).isNull();
				var document = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
				document.putObject("meta").put("relation", context.relation());
				context.setDocument(document);
			}
		};

		ApiResponse response = this.api.patch("/api/computers/" + engine.getId() + "/relationships/owner",
				"{\"data\": {\"type\": \"people\", \"id\": \"" + ada.getId() + "\"}}");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/meta/relation").asString()).isEqualTo("owner");
	}

}
