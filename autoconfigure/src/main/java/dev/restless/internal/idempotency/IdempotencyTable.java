package dev.restless.internal.idempotency;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table of idempotency keys: its name, checked once so that it can be written into SQL, and
 * the statement that creates it on each database.
 */
public final class IdempotencyTable {

	/** A table name, optionally qualified by its schema: letters, digits and underscores. */
	private static final Pattern NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

	private final String name;

	/**
	 * A table of the given name.
	 * @param name the name, optionally qualified by a schema
	 * @throws IllegalArgumentException when the name is not a plain SQL identifier
	 */
	public IdempotencyTable(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("The idempotency table name '" + name
					+ "' must be letters, digits and underscores, optionally after a schema name and a dot");
		}
		this.name = name;
	}

	/** @return the table name */
	public String name() {
		return this.name;
	}

	/**
	 * The statements that create the table and its index unless they exist.
	 * @param databaseProductName the database, as its JDBC driver names it
	 * @return the statements
	 */
	public String[] createStatements(String databaseProductName) {
		String product = databaseProductName.toLowerCase(Locale.ROOT);
		// Responses can be megabytes: PostgreSQL's text, MariaDB's and MySQL's longtext, else a CLOB.
		String text = product.contains("postgres") ? "text"
				: (product.contains("mariadb") || product.contains("mysql")) ? "longtext" : "clob";
		String simpleName = this.name.substring(this.name.indexOf('.') + 1);
		return new String[] { "create table if not exists " + this.name + " ("
				+ "idempotency_key varchar(" + IdempotencyKeys.MAX_LENGTH + ") not null, "
				+ "fingerprint varchar(64) not null, claim_token varchar(36) not null, "
				+ "created_at bigint not null, expires_at bigint not null, response_status integer, "
				+ "response_headers " + text + ", response_body " + text + ", "
				+ "primary key (idempotency_key))",
				"create index if not exists " + simpleName + "_expires on " + this.name + " (expires_at)" };
	}

}
