package dev.restless.it.scoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.Operation;
import dev.restless.it.scoped.ScopedApi.Caller;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.RequiresDatabase;
import dev.restless.it.support.SqlStatementCounter;
import dev.restless.it.support.TestDatabase;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row scopes, read rules and field visibility on every read endpoint kind, for every resource,
 * row and relationship of the secured application and every kind of caller (anonymous, the
 * owner, another user, an admin). The requests are generated from the registry of resources and
 * from {@link Operation}, whose every read constant must produce requests (a new one fails to
 * compile until it does), so a new endpoint kind or resource is covered rather than forgotten. The
 * expected rows come from what an admin, who sees everything, is shown.
 */
@ExtendWith(RequiresDatabase.class)
class ScopedReadsIT {

	private static final String CURSOR_PROFILE = "application/vnd.api+json; profile=\""
			+ "https://jsonapi.org/profiles/ethanresnick/cursor-pagination\"";

	private static ScopedApi api;

	private ResourceRegistry registry;

	/** Every row, by type, and every row's linkage, by type, id and relationship, as admins see it. */
	private final Map<String, List<String>> rows = new HashMap<>();

	private final Map<String, Map<String, Map<String, List<String>>>> linkage = new HashMap<>();

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

	/**
	 * A planner's estimate comes from statistics over every row, hidden ones included, so a caller
	 * whose rows a scope restricts gets an exact count of the rows they see, never an estimate
	 * (the scoped application estimates every total it may: its threshold is 0).
	 */
	@Test
	void anEstimatedTotalIsExactForACallerWhoseRowsAreScoped() {
		for (Caller caller : Caller.values()) {
			ApiResponse estimated = api.get(caller, "/api/tasks?page[size]=1&page[total]=estimated");
			ApiResponse exact = api.get(caller, "/api/tasks?page[size]=1&page[total]=exact");
			if (estimated.status() != 200) {
				assertThat(estimated.status()).as("%s", caller).isEqualTo(exact.status());
				continue;
			}
			if (caller == Caller.ADMIN) {
				assertThat(estimated.at("/meta/totalEstimated").asBoolean())
					.as("an unrestricted caller gets the estimate where the database gives one")
					.isEqualTo(TestDatabase.current() != TestDatabase.H2);
				continue;
			}
			assertThat(estimated.at("/meta/totalEstimated").isMissingNode()).as("%s", caller).isTrue();
			assertThat(estimated.at("/meta/total").asLong()).as("%s", caller)
				.isEqualTo(exact.at("/meta/total").asLong());
		}
	}

	/**
	 * An estimate kept for the same query is given again only to callers that get estimates at
	 * all: one an admin was given is never given to a caller whose rows are scoped.
	 */
	@Test
	void anEstimateKeptForAnUnrestrictedCallerIsNeverGivenToAScopedOne() {
		// a query of this call's own: kept estimates outlive the reset of the rows between tests
		String query = "/api/tasks?page[size]=1&page[total]=estimated&filter[objects]="
				+ URLEncoder.encode("[{\"name\":\"id\",\"op\":\"gt\",\"val\":-" + System.nanoTime() + "}]",
						StandardCharsets.UTF_8);
		ApiResponse admin = api.get(Caller.ADMIN, query);
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.at("/meta/totalEstimated").asBoolean()).isEqualTo(TestDatabase.current() != TestDatabase.H2);
		assertThat(api.get(Caller.ADMIN, query).at("/meta/total").asLong()).as("kept for the admin")
			.isEqualTo(admin.at("/meta/total").asLong());
		int scopedCallers = 0;
		for (Caller caller : List.of(Caller.ANONYMOUS, Caller.ALICE, Caller.BOB)) {
			ApiResponse scoped = api.get(caller, query);
			if (scoped.status() != 200) {
				continue;
			}
			scopedCallers++;
			String exact = query.replace("page[total]=estimated", "page[total]=exact");
			assertThat(scoped.at("/meta/totalEstimated").isMissingNode()).as("%s", caller).isTrue();
			assertThat(scoped.at("/meta/total").asLong()).as("%s", caller)
				.isEqualTo(api.get(caller, exact).at("/meta/total").asLong());
		}
		assertThat(scopedCallers).isPositive();
	}

	/**
	 * A relationship's related collection is a query of its owner: its estimate is never kept,
	 * lest one owner's be given for another's.
	 */
	@Test
	void aRelatedCollectionIsEstimatedAnewEveryTime() {
		// a query of this call's own, which no other request could have had an estimate kept for
		String related = "/api/members/" + api.alice + "/tasks?page[size]=1&page[total]=estimated&filter[objects]="
				+ URLEncoder.encode("[{\"name\":\"id\",\"op\":\"gt\",\"val\":-" + System.nanoTime() + "}]",
						StandardCharsets.UTF_8);
		SqlStatementCounter.reset();
		ApiResponse first = api.get(Caller.ADMIN, related);
		int firstStatements = SqlStatementCounter.count();
		SqlStatementCounter.reset();
		ApiResponse again = api.get(Caller.ADMIN, related);

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.at("/meta/total").asLong()).isEqualTo(first.at("/meta/total").asLong());
		assertThat(again.at("/meta/totalEstimated").isMissingNode()).isEqualTo(TestDatabase.current() == TestDatabase.H2);
		assertThat(SqlStatementCounter.count()).as("%s", SqlStatementCounter.statements()).isEqualTo(firstStatements);
	}

	@BeforeEach
	void seed() {
		api.reset();
		this.registry = api.bean(ResourceRegistry.class);
		for (ResourceDescriptor resource : this.registry.all()) {
			ApiResponse all = api.get(Caller.ADMIN, "/api/" + resource.type() + "?page[size]=100");
			assertThat(all.status()).as("admin reads %s", resource.type()).isEqualTo(200);
			List<String> ids = new ArrayList<>();
			for (JsonNode row : all.at("/data")) {
				String id = row.get("id").asString();
				ids.add(id);
				Map<String, List<String>> relationships = new HashMap<>();
				for (RelationshipDescriptor relationship : resource.relationships().values()) {
					JsonNode data = row.at("/relationships/" + relationship.name() + "/data");
					List<String> targets = new ArrayList<>();
					if (data.isArray()) {
						data.forEach((identifier) -> targets.add(identifier.get("id").asString()));
					}
					else if (data.isObject()) {
						targets.add(data.get("id").asString());
					}
					relationships.put(relationship.name(), targets);
				}
				this.linkage.computeIfAbsent(resource.type(), (type) -> new HashMap<>()).put(id, relationships);
			}
			this.rows.put(resource.type(), ids);
		}
		assertThat(this.rows.get("tasks")).as("the admin sees every task").hasSize(3);
	}

	@Test
	void everyReadEndpointShowsEachCallerOnlyTheRowsAndFieldsItMayReach() {
		SoftAssertions softly = new SoftAssertions();
		int requests = 0;
		for (Caller caller : Caller.values()) {
			for (ResourceDescriptor resource : this.registry.all()) {
				for (Operation operation : Operation.values()) {
					for (Read read : reads(operation, resource, caller)) {
						ApiResponse response = api.get(caller, read.path());
						requests++;
						softly.assertThat(response.status())
							.as("%s GET %s (%s)", caller, read.path(), response.text())
							.isEqualTo(read.status());
						if (response.status() == 200 && read.ids() != null) {
							softly.assertThat(primaryIds(response))
								.as("%s GET %s", caller, read.path())
								.containsExactlyInAnyOrderElementsOf(read.ids());
						}
						checkNothingHiddenShows(softly, caller, read.path(), response);
					}
				}
			}
		}
		softly.assertAll();
		// the generated matrix is large: a mistake in generating it must not pass as success
		assertThat(requests).isGreaterThan(300);
	}

	@Test
	void cursorPagesWalkOnlyTheRowsInTheCallersScope() {
		for (Caller caller : List.of(Caller.ALICE, Caller.BOB, Caller.ADMIN)) {
			List<String> seen = new ArrayList<>();
			String next = "/api/tasks?page[size]=1";
			while (next != null) {
				ApiResponse page = api.send(caller, "GET", next, null, CURSOR_PROFILE);
				assertThat(page.status()).as("%s %s", caller, next).isEqualTo(200);
				seen.addAll(primaryIds(page));
				JsonNode link = page.at("/links/next");
				next = (link.isString()) ? link.asString().substring(link.asString().indexOf("/api/")) : null;
				if (seen.size() > 10) {
					break;
				}
			}
			assertThat(seen).as("%s walks its tasks", caller).containsExactlyInAnyOrderElementsOf(ids(tasksOf(caller)));
		}
	}

	@Test
	void aScopeAddsAPredicateToTheStatementsOfCollectionsTotalsIncludesLinkageAndFunctionsAndNoStatement() {
		List<String> paths = List.of("/api/tasks", "/api/tasks?page[size]=1&page[total]=true",
				"/api/members?include=tasks", "/api/members/" + api.alice + "/tasks",
				"/api/members/" + api.alice + "/relationships/tasks", "/api/tasks?include=subtasks,owner",
				"/api/eval/tasks?functions=" + encode("[{'name':'sum','field':'points'}]"),
				"/api/tasks?filter[objects]=" + encode("[{'name':'subtasks','op':'any','val':{'name':'points','op':'gt','val':1}}]"),
				"/api/members/" + api.alice + "/tasks?include=subtasks");
		for (String path : paths) {
			SqlStatementCounter.reset();
			assertThat(api.get(Caller.ADMIN, path).status()).isEqualTo(200);
			int unrestricted = SqlStatementCounter.count();
			SqlStatementCounter.reset();
			assertThat(api.get(Caller.ALICE, path).status()).isEqualTo(200);
			assertThat(SqlStatementCounter.count()).as("statements of %s with a scope", path).isEqualTo(unrestricted);
		}
	}

	/**
	 * The one statement a scope adds to a read: rendering to-one linkage to rows of a restricted
	 * resource that the document has not loaded, to know which of them to hide.
	 */
	@Test
	void toOneLinkageToARowOutsideTheScopeIsEmptyAndCostsOneStatementPerDocument() {
		SqlStatementCounter.reset();
		ApiResponse admins = api.get(Caller.ADMIN, "/api/boards/" + api.board);
		int unrestricted = SqlStatementCounter.count();
		assertThat(admins.at("/data/relationships/featured/data/id").asString()).isEqualTo(id(api.bobTask));
		SqlStatementCounter.reset();
		ApiResponse alices = api.get(Caller.ALICE, "/api/boards/" + api.board);
		assertThat(alices.at("/data/relationships/featured/data").isNull()).as(alices.text()).isTrue();
		assertThat(SqlStatementCounter.count()).isEqualTo(unrestricted + 1);
	}

	@Test
	void functionsComputeOverTheRowsInTheCallersScopeOnly() {
		String functions = "/api/eval/tasks?functions="
				+ encode("[{'name':'count','field':'id'},{'name':'sum','field':'points'}]");
		for (Map.Entry<Caller, List<Integer>> expected : Map.of(Caller.ALICE, List.of(2, 8), Caller.BOB,
				List.of(1, 7), Caller.ADMIN, List.of(3, 15)).entrySet()) {
			ApiResponse response = api.get(expected.getKey(), functions);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.at("/data/0").asInt()).as("count for %s", expected.getKey())
				.isEqualTo(expected.getValue().get(0));
			assertThat(response.at("/data/1").asInt()).as("sum for %s", expected.getKey())
				.isEqualTo(expected.getValue().get(1));
		}
	}

	@Test
	void aFieldTheCallerMayNotReadIsAsIfExcluded() {
		String member = "/api/members/" + api.alice;
		assertThat(api.get(Caller.ADMIN, member).at("/data/attributes/email").asString())
			.isEqualTo("alice@example.org");
		ApiResponse own = api.get(Caller.ALICE, member);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.at("/data/attributes").has("email")).as(own.text()).isFalse();
		assertThat(own.at("/data/attributes/username").asString()).isEqualTo("alice");
		for (String query : List.of("fields[members]=email", "sort=email", "filter[email]=alice@example.org",
				"filter[objects]=" + encode("[{'name':'email','op':'like','val':'a%'}]"))) {
			ApiResponse refused = api.get(Caller.ALICE, "/api/members?" + query);
			assertThat(refused.status()).as("%s: %s", query, refused.text()).isEqualTo(400);
			assertThat(refused.text()).doesNotContain("alice@example.org");
			assertThat(api.get(Caller.ADMIN, "/api/members?" + query).status()).as("admin %s", query).isEqualTo(200);
		}
		ApiResponse sortedThroughTasks = api.get(Caller.ALICE, "/api/tasks?sort=owner.email");
		assertThat(sortedThroughTasks.status()).isEqualTo(400);
	}

	// ---- the generated reads

	/** A read, the status the caller must get and, for documents of rows, the ids of its primary data. */
	private record Read(String path, int status, List<String> ids) {
	}

	private List<Read> reads(Operation operation, ResourceDescriptor resource, Caller caller) {
		String type = resource.type();
		String base = "/api/" + type;
		List<Read> reads = new ArrayList<>();
		switch (operation) {
			case GET_COLLECTION -> {
				reads.add(collection(base, resource, caller, visible(caller, type)));
				reads.add(collection(base + "?page[total]=true&page[size]=1", resource, caller, null));
				for (RelationshipDescriptor relationship : resource.relationships().values()) {
					ResourceDescriptor target = targetOf(relationship);
					int status = !readable(caller, resource) ? 401
							: !fieldReadable(caller, resource, relationship.name()) ? 400
							: readable(caller, target) ? 200 : 401;
					reads.add(new Read(base + "?include=" + relationship.name(), status, visible(caller, type)));
					for (String targetId : this.rows.get(target.type())) {
						String operator = relationship.toMany() ? "any" : "has";
						String filter = encode("[{'name':'" + relationship.name() + "','op':'" + operator
								+ "','val':{'name':'id','op':'eq','val':" + targetId + "}}]");
						List<String> matching = new ArrayList<>();
						for (String id : visible(caller, type)) {
							if (this.linkage.get(type).get(id).get(relationship.name()).contains(targetId)
									&& isVisible(caller, target, targetId)) {
								matching.add(id);
							}
						}
						reads.add(fieldRead(base + "?filter[objects]=" + filter, resource, relationship, caller,
								matching));
					}
					if (!relationship.toMany()) {
						AttributeDescriptor sortable = target.attributes().values().iterator().next();
						reads.add(fieldRead(base + "?sort=" + relationship.name() + "." + sortable.name(), resource,
								relationship, caller, visible(caller, type)));
					}
				}
			}
			case GET_RESOURCE -> {
				for (String id : this.rows.get(type)) {
					reads.add(new Read(base + "/" + id, rowStatus(caller, resource, id), List.of(id)));
				}
			}
			case GET_RELATED, GET_RELATIONSHIP, GET_RELATED_RESOURCE -> {
				for (String id : this.rows.get(type)) {
					for (RelationshipDescriptor relationship : resource.relationships().values()) {
						reads.addAll(relatedReads(operation, resource, id, relationship, caller));
					}
				}
			}
			case EVAL -> {
				if (resource.allowFunctions()) {
					reads.add(new Read("/api/eval/" + type + "?functions=" + encode("[{'name':'count','field':'id'}]"),
							readable(caller, resource) ? 200 : 401, null));
				}
			}
			// writes are the other test's
			case POST_RESOURCE, PATCH_RESOURCE, DELETE_RESOURCE, POST_RELATIONSHIP, PATCH_RELATIONSHIP,
					DELETE_RELATIONSHIP -> {
			}
		}
		return reads;
	}

	private List<Read> relatedReads(Operation operation, ResourceDescriptor resource, String id,
			RelationshipDescriptor relationship, Caller caller) {
		ResourceDescriptor target = targetOf(relationship);
		String path = "/api/" + resource.type() + "/" + id + "/";
		List<String> members = new ArrayList<>();
		for (String member : this.linkage.get(resource.type()).get(id).get(relationship.name())) {
			if (isVisible(caller, target, member)) {
				members.add(member);
			}
		}
		int status = !readable(caller, resource) ? 401
				: !isVisible(caller, resource, id) || !fieldReadable(caller, resource, relationship.name()) ? 404
				: !readable(caller, target) ? 401 : 200;
		return switch (operation) {
			case GET_RELATED -> List.of(new Read(path + relationship.name(), status, members));
			case GET_RELATIONSHIP -> List.of(new Read(path + "relationships/" + relationship.name(), status, null));
			default -> {
				if (!relationship.toMany()) {
					yield List.of();
				}
				List<Read> reads = new ArrayList<>();
				for (String member : this.rows.get(target.type())) {
					int memberStatus = (status == 200 && !members.contains(member)) ? 404 : status;
					reads.add(new Read(path + relationship.name() + "/" + member, memberStatus, List.of(member)));
				}
				yield reads;
			}
		};
	}

	private Read collection(String path, ResourceDescriptor resource, Caller caller, List<String> ids) {
		return new Read(path, readable(caller, resource) ? 200 : 401, ids);
	}

	/** A collection read that names a field: {@code 400} for a caller who may not read it, as for an unknown one. */
	private Read fieldRead(String path, ResourceDescriptor resource, RelationshipDescriptor field, Caller caller,
			List<String> ids) {
		if (readable(caller, resource) && !fieldReadable(caller, resource, field.name())) {
			return new Read(path, 400, null);
		}
		return collection(path, resource, caller, ids);
	}

	private int rowStatus(Caller caller, ResourceDescriptor resource, String id) {
		if (!readable(caller, resource)) {
			return 401;
		}
		return isVisible(caller, resource, id) ? 200 : 404;
	}

	// ---- what each caller may see

	private static boolean readable(Caller caller, ResourceDescriptor resource) {
		return resource.access().read() == null || caller != Caller.ANONYMOUS;
	}

	/** The field rules of the application grant admins only. */
	private static boolean fieldReadable(Caller caller, ResourceDescriptor resource, String field) {
		var rules = resource.access().fields().get(field);
		return rules == null || rules.read() == null || caller == Caller.ADMIN;
	}

	private boolean isVisible(Caller caller, ResourceDescriptor resource, String id) {
		if (!readable(caller, resource)) {
			return false;
		}
		return !resource.type().equals("tasks") || ids(tasksOf(caller)).contains(id);
	}

	private List<String> visible(Caller caller, String type) {
		ResourceDescriptor resource = this.registry.find(type).orElseThrow();
		List<String> visible = new ArrayList<>();
		for (String id : this.rows.get(type)) {
			if (isVisible(caller, resource, id)) {
				visible.add(id);
			}
		}
		return visible;
	}

	private static List<Long> tasksOf(Caller caller) {
		return api.tasksOf().get(caller);
	}

	/**
	 * No identifier of a row the caller may not reach appears anywhere in the response (primary
	 * data, included resources, linkage, errors), no total counts one, and no hidden title or
	 * e-mail address shows.
	 */
	private void checkNothingHiddenShows(SoftAssertions softly, Caller caller, String path, ApiResponse response) {
		if (response.body() == null) {
			return;
		}
		Set<String> identifiers = new LinkedHashSet<>();
		collectIdentifiers(response.body(), identifiers);
		for (String identifier : identifiers) {
			String[] parts = identifier.split("/");
			ResourceDescriptor resource = this.registry.find(parts[0]).orElse(null);
			if (resource != null) {
				softly.assertThat(isVisible(caller, resource, parts[1]))
					.as("%s GET %s shows %s: %s", caller, path, identifier, response.text())
					.isTrue();
			}
		}
		for (Map.Entry<String, Long> secret : secrets().entrySet()) {
			if (!ids(tasksOf(caller)).contains(id(secret.getValue()))) {
				softly.assertThat(response.text()).as("%s GET %s", caller, path).doesNotContain(secret.getKey());
			}
		}
		if (caller != Caller.ADMIN) {
			softly.assertThat(response.text()).as("%s GET %s", caller, path)
				.doesNotContain("@example.org")
				.doesNotContain("\"mentor\"");
		}
		JsonNode total = response.at("/meta/total");
		if (total.isNumber() && path.startsWith("/api/tasks")) {
			softly.assertThat(total.asLong()).as("%s GET %s total", caller, path)
				.isLessThanOrEqualTo(tasksOf(caller).size());
		}
	}

	private static Map<String, Long> secrets() {
		Map<String, Long> secrets = new LinkedHashMap<>();
		secrets.put("alice-secret-plan", api.aliceTask);
		secrets.put("alice-secret-step", api.aliceSubtask);
		secrets.put("bob-secret-plan", api.bobTask);
		return secrets;
	}

	private static void collectIdentifiers(JsonNode node, Set<String> identifiers) {
		if (node.isObject()) {
			JsonNode type = node.get("type");
			JsonNode id = node.get("id");
			if (type != null && type.isString() && id != null && id.isString()) {
				identifiers.add(type.asString() + "/" + id.asString());
			}
			node.forEach((child) -> collectIdentifiers(child, identifiers));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectIdentifiers(child, identifiers));
		}
	}

	private static List<String> primaryIds(ApiResponse response) {
		List<String> ids = new ArrayList<>();
		JsonNode data = response.at("/data");
		if (data.isArray()) {
			data.forEach((row) -> ids.add(row.get("id").asString()));
		}
		else if (data.isObject()) {
			ids.add(data.get("id").asString());
		}
		return ids;
	}

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

	private static List<String> ids(List<Long> keys) {
		return keys.stream().map(ScopedReadsIT::id).toList();
	}

	private static String id(long key) {
		return Long.toString(key);
	}

	private static String encode(String singleQuoted) {
		return URLEncoder.encode(singleQuoted.replace('\'', '"'), StandardCharsets.UTF_8);
	}

}
