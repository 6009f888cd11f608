package dev.restless.it;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.restless.it.app.Computer;
import dev.restless.it.app.Goal;
import dev.restless.it.app.Person;
import dev.restless.it.app.Tag;
import dev.restless.it.app.User;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedResourcesIT extends ApiIntegrationTest {

	private Person person(String name) {
		Person person = new Person();
		person.setName(name);
		this.fixtures.persist(person);
		return person;
	}

	private Computer computer(String name, Person owner) {
		Computer computer = new Computer();
		computer.setName(name);
		computer.setVendor("Acme");
		computer.setPrice(new BigDecimal("10.00"));
		computer.setOwner(owner);
		this.fixtures.persist(computer);
		return computer;
	}

	private static List<String> ids(ApiResponse response) {
		List<String> ids = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			ids.add(resource.get("id").asString());
		}
		return ids;
	}

	@Test
	void toOneRelatedReturnsTheRelatedResource() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);

		ApiResponse response = this.api.get("/api/computers/" + engine.getId() + "/owner");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/type").asString()).isEqualTo("people");
		assertThat(response.at("/data/id").asString()).isEqualTo(ada.getId().toString());
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("Ada");
		assertThat(response.at("/data/links/self").asString())
			.isEqualTo(this.api.root() + "/api/people/" + ada.getId());
		assertThat(response.at("/links/self").asString())
			.isEqualTo(this.api.root() + "/api/computers/" + engine.getId() + "/owner");
	}

	@Test
	void toOneRelatedWithoutATargetIsDataNull() {
		Computer engine = computer("Engine", null);

		ApiResponse response = this.api.get("/api/computers/" + engine.getId() + "/owner");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.body().has("data")).isTrue();
		assertThat(response.at("/data").isNull()).isTrue();
	}

	@Test
	void toManyRelatedIsAPaginatedSortedCollectionOfOnlyTheMembersWithItsOwnLinksAndTotal() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		List<Computer> computers = new ArrayList<>();
		for (String name : List.of("c", "e", "a", "d", "b")) {
			computers.add(computer(name, ada));
		}
		computer("z-not-ada's", grace);
		String base = "/api/people/" + ada.getId() + "/computers";

		ApiResponse response = this.api.get(base + "?sort=-name&page[size]=2&page[number]=2");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").size()).isEqualTo(2);
		assertThat(response.at("/data/0/attributes/name").asString()).isEqualTo("c");
		assertThat(response.at("/data/1/attributes/name").asString()).isEqualTo("b");
		assertThat(response.at("/data/0/type").asString()).isEqualTo("computers");
		assertThat(response.at("/meta/total").asLong()).isEqualTo(5);
		String url = this.api.root() + base;
		assertThat(response.at("/links/self").asString()).startsWith(url + "?");
		assertThat(response.at("/links/first").asString()).startsWith(url + "?").contains("page%5Bnumber%5D=1");
		assertThat(response.at("/links/last").asString()).contains("page%5Bnumber%5D=3");
		assertThat(response.at("/links/prev").asString()).contains("page%5Bnumber%5D=1");
		assertThat(response.at("/links/next").asString()).contains("page%5Bnumber%5D=3")
			.contains("sort=-name");
	}

	@Test
	void toManyRelatedIsSortedByPrimaryKeyByDefaultAndUsesTheTargetsPageSize() {
		Person ada = person("Ada");
		List<String> expected = new ArrayList<>();
		for (int index = 0; index < 12; index++) {
			expected.add(computer("computer " + (12 - index), ada).getId().toString());
		}

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "/computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		// computers have the global default page size (10), not that of people
		assertThat(ids(response)).containsExactlyElementsOf(expected.subList(0, 10));
		assertThat(response.at("/meta/total").asLong()).isEqualTo(12);
	}

	@Test
	void toManyRelatedWithoutMembersIsAnEmptyCollection() {
		Person ada = person("Ada");
		computer("Someone else's", null);

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "/computers");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").isArray()).isTrue();
		assertThat(response.at("/data").isEmpty()).isTrue();
		assertThat(response.at("/meta/total").asLong()).isZero();
	}

	@Test
	void toManyRelatedThroughAJoinTableAndThroughASelfReference() {
		Tag red = new Tag();
		red.setId(java.util.UUID.randomUUID());
		red.setLabel("red");
		Tag blue = new Tag();
		blue.setId(java.util.UUID.randomUUID());
		blue.setLabel("blue");
		User ann = new User("Ann");
		ann.getTags().add(blue);
		Goal root = new Goal("root", ann, null);
		Goal first = new Goal("first", ann, root);
		Goal second = new Goal("second", ann, root);
		Goal nested = new Goal("nested", ann, first);
		this.fixtures.persist(red, blue, ann, root, first, second, nested);

		ApiResponse tags = this.api.get("/api/users/" + ann.getId() + "/tags");
		ApiResponse subGoals = this.api.get("/api/goals/" + root.getId() + "/subGoals?sort=-title");
		ApiResponse parent = this.api.get("/api/goals/" + nested.getId() + "/parent");

		assertThat(tags.status()).as(tags.text()).isEqualTo(200);
		assertThat(ids(tags)).containsExactly(blue.getId().toString());
		assertThat(subGoals.status()).as(subGoals.text()).isEqualTo(200);
		assertThat(ids(subGoals)).containsExactly(second.getId().toString(), first.getId().toString());
		assertThat(subGoals.at("/meta/total").asLong()).isEqualTo(2);
		assertThat(parent.at("/data/id").asString()).isEqualTo(first.getId().toString());
		assertThat(parent.at("/data/relationships/parent/data/id").asString()).isEqualTo(root.getId().toString());
	}

	@Test
	void queryParametersOfRelatedCollectionsAreCheckedAgainstTheTargetResource() {
		Person ada = person("Ada");
		String base = "/api/people/" + ada.getId() + "/computers";

		ApiResponse sortOnParentAttribute = this.api.get(base + "?sort=age");
		ApiResponse tooLarge = this.api.get(base + "?page[size]=101");
		ApiResponse unknown = this.api.get(base + "?bogus=1");

		assertThat(sortOnParentAttribute.status()).isEqualTo(400);
		assertThat(sortOnParentAttribute.firstError().at("/source/parameter").asString()).isEqualTo("sort");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.firstError().at("/source/parameter").asString()).isEqualTo("page[size]");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.firstError().at("/source/parameter").asString()).isEqualTo("bogus");
	}

	@Test
	void relatedIs404ForAMissingParentAnUnknownRelationAnAttributeOrAHiddenField() {
		Person ada = person("Ada");

		assertThat(this.api.get("/api/people/987654/computers").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/not-a-number/computers").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/" + ada.getId() + "/laptops").status()).isEqualTo(404);
		assertThat(this.api.get("/api/people/" + ada.getId() + "/name").status()).isEqualTo(404);
		ApiResponse hidden = this.api.get("/api/people/" + ada.getId() + "/password");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.firstError().get("status").asString()).isEqualTo("404");
		assertThat(this.api.get("/api/nothing/1/computers").status()).isEqualTo(404);
	}

	@Test
	void aRelatedResourceIsServedByIdWhenItIsAMemberOfTheToManyRelationship() {
		Person ada = person("Ada");
		computer("Other", ada);
		Computer engine = computer("Engine", ada);

		ApiResponse response = this.api.get("/api/people/" + ada.getId() + "/computers/" + engine.getId());

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data/type").asString()).isEqualTo("computers");
		assertThat(response.at("/data/id").asString()).isEqualTo(engine.getId().toString());
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("Engine");
		assertThat(response.at("/links/self").asString())
			.isEqualTo(this.api.root() + "/api/people/" + ada.getId() + "/computers/" + engine.getId());
	}

	@Test
	void aRelatedResourceByIdIs404UnlessItIsAMemberOfAnExistingParentsToManyRelationship() {
		Person ada = person("Ada");
		Person grace = person("Grace");
		Computer adas = computer("Ada's", ada);
		Computer graces = computer("Grace's", grace);
		String people = "/api/people/";

		assertThat(this.api.get(people + ada.getId() + "/computers/" + graces.getId()).status()).isEqualTo(404);
		assertThat(this.api.get(people + ada.getId() + "/computers/987654").status()).isEqualTo(404);
		assertThat(this.api.get(people + ada.getId() + "/computers/not-a-number").status()).isEqualTo(404);
		assertThat(this.api.get("/api/computers/" + adas.getId() + "/owner/" + ada.getId()).status())
			.isEqualTo(404);
		assertThat(this.api.get(people + ada.getId() + "/name/" + adas.getId()).status()).isEqualTo(404);
		assertThat(this.api.get(people + ada.getId() + "/laptops/" + adas.getId()).status()).isEqualTo(404);
		assertThat(this.api.get(people + "987654/computers/" + adas.getId()).status()).isEqualTo(404);
		assertThat(this.api.get(people + ada.getId() + "/computers/" + adas.getId()).status()).isEqualTo(200);
	}

	@Test
	void relatedEndpointsServeOnlyGet() {
		Person ada = person("Ada");
		Computer engine = computer("Engine", ada);

		ApiResponse post = this.api.post("/api/people/" + ada.getId() + "/computers", "{\"data\": []}");
		ApiResponse delete = this.api.delete("/api/people/" + ada.getId() + "/computers/" + engine.getId());

		assertThat(post.status()).isEqualTo(405);
		assertThat(post.header("Allow")).isEqualTo("GET");
		assertThat(delete.status()).isEqualTo(405);
		assertThat(delete.header("Allow")).isEqualTo("GET");
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(1);
	}

}
