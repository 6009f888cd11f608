package dev.restless.it.support;

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
		String[] all = new String[arguments.length + 4];
		all[0] = "--server.port=0";
		all[1] = "--spring.main.banner-mode=off";
		all[2] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
		all[3] = "--spring.datasource.username=sa";
		System.arraycopy(arguments, 0, all, 4, arguments.length);
		Class<?>[] sources = new Class<?>[configurations.length + 1];
		sources[0] = TestApplication.class;
		System.arraycopy(configurations, 0, sources, 1, configurations.length);
		return new SpringApplicationBuilder(sources).run(all);
	}

	/**
	 * @param context a running application
	 * @return its server root, such as {@code http://localhost:8080}
	 */
	public static String root(ConfigurableApplicationContext context) {
		return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
	}

}
