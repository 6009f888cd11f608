package dev.restless.benchmarks.elide;

import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, so the benchmark can report statements per
 * request for Elide as it does for the main application.
 */
public class SqlStatements implements StatementInspector {

	private static final AtomicLong count = new AtomicLong();

	@Override
	public String inspect(String sql) {
		count.incrementAndGet();
		return sql;
	}

	/** @return the statements counted since the last call, resetting the count */
	public static long takeCount() {
		return count.getAndSet(0);
	}

}
