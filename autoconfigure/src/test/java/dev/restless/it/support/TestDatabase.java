package dev.restless.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database the integration tests run on, chosen by the system property
 * {@code restless.test.database} (h2, postgresql or mariadb; h2 by default). The addresses can be
 * changed with {@code restless.test.<database>.url}, {@code .username} and {@code .password}, to
 * run the suite against another server.
 */
public enum TestDatabase {

	H2("jdbc:h2:mem:restless;DB_CLOSE_DELAY=-1", "sa", ""),

	POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),

	MARIADB("jdbc:mariadb://127.0.0.1:3306/test", "root", "");

	private final String defaultUrl;

	private final String defaultUsername;

	private final String defaultPassword;

	TestDatabase(String url, String username, String password) {
		this.defaultUrl = url;
		this.defaultUsername = username;
		this.defaultPassword = password;
	}

	/** @return the database chosen for this test run */
	public static TestDatabase current() {
		return valueOf(System.getProperty("restless.test.database", "h2").toUpperCase(Locale.ROOT));
	}

	/** @return whether this database must be reachable (a missing one fails instead of skipping) */
	public boolean required() {
		Set<String> required = Arrays.stream(System.getProperty("restless.test.required-databases", "h2").split(","))
			.map(String::trim)
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		return required.contains(key());
	}

	/** @return the lower-case name used in properties */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String url() {
		return System.getProperty("restless.test." + key() + ".url", this.defaultUrl);
	}

	public String username() {
		return System.getProperty("restless.test." + key() + ".username", this.defaultUsername);
	}

	public String password() {
		return System.getProperty("restless.test." + key() + ".password", this.defaultPassword);
	}

	/** @return the Spring properties that point the application at this database */
	public Map<String, String> properties() {
		return Map.of("spring.datasource.url", url(), "spring.datasource.username", username(),
				"spring.datasource.password", password());
	}

	/**
	 * Try to connect.
	 * @return {@code null} when reachable, otherwise why not
	 */
	public String unreachableBecause() {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(url(), username(), password())) {
			return connection.isValid(5) ? null : "connection is not valid";
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

}
