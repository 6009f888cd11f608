package dev.restless.it.support;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sees every SQL statement Hibernate prepares, so tests can assert the number of statements a
 * request costs. Registered with {@code hibernate.session_factory.statement_inspector}.
 */
public class SqlStatementCounter implements StatementInspector {

	private static final List<String> statements = new ArrayList<>();

	@Override
	public String inspect(String sql) {
		synchronized (statements) {
			statements.add(sql);
		}
		return sql;
	}

	/** Forget the statements seen so far. */
	public static void reset() {
		synchronized (statements) {
			statements.clear();
		}
	}

	/** @return the statements seen since the last reset */
	public static List<String> statements() {
		synchronized (statements) {
			return new ArrayList<>(statements);
		}
	}

	/** @return the number of statements seen since the last reset */
	public static int count() {
		synchronized (statements) {
			return statements.size();
		}
	}

}
