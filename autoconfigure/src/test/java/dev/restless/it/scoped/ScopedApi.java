package dev.restless.it.scoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.OwnTestApplication;
import dev.restless.it.support.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The secured application of the scope tests, on the database of the run, with its rows: alice
 * owns a task with a subtask, bob owns one task, and a public board features bob's task.
 */
final class ScopedApi implements AutoCloseable {

	/** Who calls. */
	enum Caller {

		ANONYMOUS(null), ALICE("alice"), BOB("bob"), ADMIN("admin");

		private final String username;

		Caller(String username) {
			this.username = username;
		}

		String[] headers() {
			if (this.username == null) {
				return new String[0];
			}
			String credentials = this.username + ":" + this.username + "-password";
			return new String[] { "Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) };
		}

	}

	private final ConfigurableApplicationContext context;

	private final JsonApiClient client;

	long alice;

	long bob;

	long admin;

	long aliceTask;

	long aliceSubtask;

	long bobTask;

	long board;

	private ScopedApi(ConfigurableApplicationContext context) {
		this.context = context;
		this.client = new JsonApiClient(OwnTestApplication.root(context));
	}

	static ScopedApi start() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		TestDatabase.current().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ScopedApplication.class)
			.properties("spring.config.name=scoped")
			.run(arguments.toArray(String[]::new));
		return new ScopedApi(context);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Empty the tables and store the rows again, so every test starts from the same data. */
	void reset() {
		EntityManagerFactory factory = bean(EntityManagerFactory.class);
		new TransactionTemplate(bean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
			entityManager.createQuery("delete from Board").executeUpdate();
			entityManager.createQuery("update Task set parent = null").executeUpdate();
			entityManager.createQuery("delete from Task").executeUpdate();
			entityManager.createQuery("update Member set mentor = null").executeUpdate();
			entityManager.createQuery("delete from Member").executeUpdate();
			Member alice = persist(entityManager, new Member("alice", "alice@example.org"));
			Member bob = persist(entityManager, new Member("bob", "bob@example.org"));
			Member admin = persist(entityManager, new Member("admin", "admin@example.org"));
			bob.setMentor(alice);
			Task aliceTask = persist(entityManager, new Task("alice-secret-plan", 3, alice, null));
			Task aliceSubtask = persist(entityManager, new Task("alice-secret-step", 5, alice, aliceTask));
			Task bobTask = persist(entityManager, new Task("bob-secret-plan", 7, bob, null));
			Board board = persist(entityManager, new Board("front page", bobTask));
			entityManager.flush();
			this.alice = alice.getId();
			this.bob = bob.getId();
			this.admin = admin.getId();
			this.aliceTask = aliceTask.getId();
			this.aliceSubtask = aliceSubtask.getId();
			this.bobTask = bobTask.getId();
			this.board = board.getId();
		});
	}

	private static <T> T persist(EntityManager entityManager, T entity) {
		entityManager.persist(entity);
		return entity;
	}

	/** @return the tasks each caller may reach, by caller */
	Map<Caller, List<Long>> tasksOf() {
		Map<Caller, List<Long>> tasks = new LinkedHashMap<>();
		tasks.put(Caller.ANONYMOUS, List.of());
		tasks.put(Caller.ALICE, List.of(this.aliceTask, this.aliceSubtask));
		tasks.put(Caller.BOB, List.of(this.bobTask));
		tasks.put(Caller.ADMIN, List.of(this.aliceTask, this.aliceSubtask, this.bobTask));
		return tasks;
	}

	ApiResponse send(Caller caller, String method, String path, String body) {
		boolean atomic = path.startsWith("/api/operations");
		return send(caller, method, path, body, atomic ? JsonApiClient.ATOMIC : JsonApiClient.JSON_API);
	}

	ApiResponse send(Caller caller, String method, String path, String body, String[] extraHeaders) {
		return send(caller, method, path, body, JsonApiClient.JSON_API, extraHeaders);
	}

	ApiResponse send(Caller caller, String method, String path, String body, String accept,
			String... extraHeaders) {
		List<String> headers = new ArrayList<>(List.of("Accept", accept));
		headers.addAll(List.of(extraHeaders));
		if (body != null) {
			headers.addAll(List.of("Content-Type",
					path.startsWith("/api/operations") ? JsonApiClient.ATOMIC : JsonApiClient.JSON_API));
		}
		headers.addAll(List.of(caller.headers()));
		return this.client.exchange(method, path, body, headers.toArray(String[]::new));
	}

	ApiResponse get(Caller caller, String path) {
		return send(caller, "GET", path, null);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
