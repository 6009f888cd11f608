package dev.restless.it.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes commits fail the way a lost connection makes them fail: the application's
 * {@link DataSource} is wrapped so that the commit of a transaction that wrote to a chosen table
 * throws the driver's connection error (SQLSTATE {@code 08006}), either after the commit went
 * through (the outcome the client cannot know) or instead of it (the transaction is rolled back).
 * The connection underneath stays sound, so the pool carries on. Other transactions, those of the
 * idempotency keys among them, commit as usual.
 */
@Configuration(proxyBeanMethods = false)
public class CommitFaults {

	/** What the next commits of a write to the table do. */
	public enum Mode {

		/** Commit as usual. */
		NONE,

		/** Commit, then throw the connection error: written, but the client cannot know. */
		AFTER_COMMIT,

		/** Roll back, then throw the connection error: nothing written. */
		INSTEAD_OF_COMMIT,

		/**
		 * In turn: the first of every three commits fails after committing, the second instead of
		 * committing, the third goes through.
		 */
		ROTATING

	}

	private static volatile Mode mode = Mode.NONE;

	private static volatile String table = "counter";

	private static volatile int maxFaults = Integer.MAX_VALUE;

	private static final AtomicInteger faultyCommits = new AtomicInteger();

	private static final AtomicInteger writeCommits = new AtomicInteger();

	/**
	 * Choose what the commits of writes to a table do from now on.
	 * @param newMode the mode
	 * @param tableName the table whose writes are watched (lower case)
	 */
	public static void set(Mode newMode, String tableName) {
		set(newMode, tableName, Integer.MAX_VALUE);
	}

	/**
	 * Choose what the commits of writes to a table do from now on, until a number of them failed;
	 * the ones after commit as usual.
	 * @param newMode the mode
	 * @param tableName the table whose writes are watched (lower case)
	 * @param faults how many commits fail at most
	 */
	public static void set(Mode newMode, String tableName, int faults) {
		maxFaults = faults;
		table = tableName;
		mode = newMode;
		faultyCommits.set(0);
		writeCommits.set(0);
	}

	/** @return how many commits failed since the mode was set */
	public static int faultyCommits() {
		return faultyCommits.get();
	}

	@Bean
	static BeanPostProcessor restlessTestCommitFaults() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, (proxy, method, arguments) -> {
						Object result = invoke(dataSource, method, arguments);
						return (result instanceof Connection connection) ? faulty(connection) : result;
					});
				}
				return bean;
			}

		};
	}

	private static Connection faulty(Connection connection) {
		boolean[] wrote = { false };
		return proxy(Connection.class, (proxy, method, arguments) -> {
			if (method.getName().startsWith("prepare") && arguments != null && arguments[0] instanceof String sql) {
				String statement = sql.strip().toLowerCase(Locale.ROOT);
				wrote[0] |= statement.startsWith("insert into " + table + " ")
						|| statement.startsWith("update " + table + " ") || statement.startsWith("delete from " + table + " ");
			}
			if (method.getName().equals("rollback") || method.getName().equals("close")) {
				wrote[0] = false;
			}
			if (method.getName().equals("commit") && (arguments == null || arguments.length == 0) && wrote[0]) {
				wrote[0] = false;
				commit(connection);
				return null;
			}
			return invoke(connection, method, arguments);
		});
	}

	private static void commit(Connection connection) throws SQLException {
		Mode current = (faultyCommits.get() < maxFaults) ? mode : Mode.NONE;
		if (current == Mode.ROTATING) {
			current = switch (writeCommits.getAndIncrement() % 3) {
				case 0 -> Mode.AFTER_COMMIT;
				case 1 -> Mode.INSTEAD_OF_COMMIT;
				default -> Mode.NONE;
			};
		}
		switch (current) {
			case AFTER_COMMIT -> {
				connection.commit();
				faultyCommits.incrementAndGet();
				throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
			}
			case INSTEAD_OF_COMMIT -> {
				connection.rollback();
				faultyCommits.incrementAndGet();
				throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
			}
			default -> connection.commit();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(CommitFaults.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
