package dev.restless.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.restless.it.app.Goal;
import dev.restless.it.app.Tag;
import dev.restless.it.app.Team;
import dev.restless.it.app.User;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a document costs does not grow with the number of resources in it: a page of 50 users
 * (each with a team, two tags and a goal that has a sub-goal) costs the same statements as a page
 * of 10.
 */
class CompoundDocumentSqlBudgetIT extends ApiIntegrationTest {

	private static final int USERS_ON_PAGE = 50;

	private User first;

	@BeforeEach
	void fiftyUsersAndOneMore() {
		this.first = this.fixtures.inTransaction((em) -> {
			Team red = new Team("red");
			Team blue = new Team("blue");
			em.persist(red);
			em.persist(blue);
			List<Tag> tags = new ArrayList<>();
			for (String label : List.of("a", "b", "c")) {
				Tag tag = new Tag();
				tag.setId(UUID.randomUUID());
				tag.setLabel(label);
				em.persist(tag);
				tags.add(tag);
			}
			List<User> users = new ArrayList<>();
			for (int index = 0; index < USERS_ON_PAGE; index++) {
				User user = new User("user " + index);
				user.setTeam((index % 2 == 0) ? red : blue);
				user.getTags().add(tags.get(index % 3));
				user.getTags().add(tags.get((index + 1) % 3));
				em.persist(user);
				users.add(user);
			}
			// Persisted last, so beyond the first page: the owner of every sub-goal is a user that is
			// not already loaded, and its goals' eager owner must still not cost a statement each.
			User outsider = new User("outsider");
			em.persist(outsider);
			for (User user : users) {
				Goal goal = new Goal("goal of " + user.getName(), user, null);
				em.persist(goal);
				em.persist(new Goal("sub-goal of " + user.getName(), outsider, goal));
			}
			return users.get(0);
		});
	}

	private ApiResponse measured(String path) {
		SqlStatementCounter.reset();
		ApiResponse response = this.api.get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response;
	}

	private static void assertStatements(String what, int expected) {
		List<String> statements = SqlStatementCounter.statements();
		assertThat(statements.size())
			.as(() -> what + " ran " + statements.size() + " statements:\n" + String.join("\n", statements))
			.isEqualTo(expected);
	}

	@Test
	void aPageWithTwoLevelsOfIncludesCostsOneStatementPerLevelAndPerToManyLinkage() {
		ApiResponse page = measured("/api/users?page[size]=50&include=goals.subGoals");
		// page, count, goals (level 1), sub-goals (level 2), tags linkage of the users, sub-goal
		// linkage of the sub-goals; goals linkage comes with the include, to-one linkage from the rows
		assertStatements("a page of 50 users with include=goals.subGoals", 6);

		assertThat(page.at("/data").size()).isEqualTo(USERS_ON_PAGE);
		assertThat(page.at("/meta/total").asInt()).isEqualTo(USERS_ON_PAGE + 1);
		assertThat(page.at("/included").size()).isEqualTo(2 * USERS_ON_PAGE);
		assertThat(page.at("/data/0/relationships/tags/data").size()).isEqualTo(2);
		assertThat(page.at("/data/0/relationships/goals/data").size()).isEqualTo(1);
		assertThat(page.at("/data/0/relationships/team/data/type").asString()).isEqualTo("teams");
		assertThat(page.at("/included/0/relationships/owner/data/type").asString()).isEqualTo("users");

		measured("/api/users?page[size]=10&include=goals.subGoals");
		assertStatements("a page of 10 users with include=goals.subGoals", 6);
	}

	@Test
	void aPageWithoutIncludesCostsOneStatementPerToManyRelationshipAndNoneForToOneLinkage() {
		measured("/api/users?page[size]=50&include=");
		// page, count, goals linkage, tags linkage
		assertStatements("a page of 50 users without include", 4);
	}

	@Test
	void theDefaultIncludeOfAToOneRelationshipCostsOneStatementForThePage() {
		ApiResponse page = measured("/api/users?page[size]=50");
		// page, count, the teams of the page, goals linkage, tags linkage (teams render no
		// to-many linkage)
		assertStatements("a page of 50 users with their teams", 5);
		assertThat(page.at("/included").size()).isEqualTo(2);
	}

	@Test
	void aRelatedCollectionCostsAFixedNumberOfStatements() {
		measured("/api/users/" + this.first.getId() + "/goals?include=subGoals");
		// the user, the page of goals (short, so not counted), their sub-goals, the sub-goals' linkage
		assertStatements("the goals of a user with include=subGoals", 4);
	}

	@Test
	void relationshipLinkageCostsOneStatementForAToManyAndNoneForAToOne() {
		measured("/api/users/" + this.first.getId() + "/relationships/tags");
		assertStatements("the tags linkage of a user", 2);
		measured("/api/users/" + this.first.getId() + "/relationships/team");
		assertStatements("the team linkage of a user", 1);
	}

}
