package dev.restless.it.support;

import java.util.ArrayList;
import java.util.List;

import dev.restless.it.app.TestApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application started on its own, on a random port and an in-memory H2 database of its
 * own, for tests whose settings the shared context of the integration tests must not take.
 */
public final class OwnTestApplication {

	private OwnTestApplication() {
	}

	/**
	 * Start the test application.
	 * @param database the name of its in-memory database
	 * @param configurations configuration classes to add to the application's own
	 * @param arguments command-line arguments, which win over {@code application.yml}
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(String database, Class<?>[] configurations,
			String... arguments) {
		return run(configurations, arguments, "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa");
	}

	/**
	 * Start the test application on the database of this run, beside the shared context of the
	 * integration tests: the schema is updated, never dropped, so that both can use it.
	 * @param configurations configuration classes to add to the application's own
	 * @param arguments command-line arguments, which win over {@code application.yml}
	 * @return the running application
	 */
	public static ConfigurableApplicationContext startOnThisRunsDatabase(Class<?>[] configurations,
			String... arguments) {
		TestDatabase database = TestDatabase.current();
		return run(configurations, arguments, "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.jpa.hibernate.ddl-auto=update");
	}

	private static ConfigurableApplicationContext run(Class<?>[] configurations, String[] arguments,
			String... database) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		all.addAll(List.of(database));
		all.addAll(List.of(arguments));
		List<Class<?>> sources = new ArrayList<>(List.of(TestApplication.class));
		sources.addAll(List.of(configurations));
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(all.toArray(String[]::new));
	}

	/**
	 * @param context a running application
	 * @return its server root, such as {@code http://localhost:8080}
	 */
	public static String root(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
