package dev.restless.it.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Puts data into the database and reads it back directly, bypassing the API, so tests can check
 * what a request really changed.
 */
public final class Fixtures {

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	public Fixtures(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
	}

	/**
	 * Run work in its own transaction and return its result.
	 * @param work the work
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> T inTransaction(Function<EntityManager, T> work) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			T result = work.apply(entityManager);
			entityManager.getTransaction().commit();
			return result;
		}
		catch (RuntimeException ex) {
			if (entityManager.getTransaction().isActive()) {
				entityManager.getTransaction().rollback();
			}
			throw ex;
		}
		finally {
			entityManager.close();
		}
	}

	/**
	 * Persist entities in one transaction.
	 * @param entities the entities
	 */
	public void persist(Object... entities) {
		inTransaction((entityManager) -> {
			for (Object entity : entities) {
				entityManager.persist(entity);
			}
			return null;
		});
	}

	/**
	 * Read with a fresh entity manager.
	 * @param work the read
	 * @param <T> the result type
	 * @return the result
	 */
	public <T> T read(Function<EntityManager, T> work) {
		return inTransaction(work);
	}

	/**
	 * Count the rows of an entity.
	 * @param entityClass the entity
	 * @return the count
	 */
	public long count(Class<?> entityClass) {
		return read((entityManager) -> entityManager
			.createQuery("select count(e) from " + entityClass.getSimpleName() + " e", Long.class)
			.getSingleResult());
	}

	/**
	 * Update with a fresh entity manager.
	 * @param work the update
	 */
	public void update(Consumer<EntityManager> work) {
		inTransaction((entityManager) -> {
			work.accept(entityManager);
			return null;
		});
	}

	/**
	 * Refresh the database's statistics of a table, which its planner's row estimates come from.
	 * @param table the table
	 */
	public void analyze(String table) {
		String sql = switch (TestDatabase.current()) {
			case POSTGRESQL -> "ANALYZE " + table;
			case MARIADB -> "ANALYZE TABLE " + table;
			case H2 -> "ANALYZE TABLE " + table;
		};
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Delete every row of every table, whatever the foreign keys. */
	public void clean() {
		TestDatabase database = TestDatabase.current();
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> tables = tables(connection);
			switch (database) {
				case POSTGRESQL -> {
					if (!tables.isEmpty()) {
						statement.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
					}
				}
				case MARIADB -> {
					statement.execute("SET FOREIGN_KEY_CHECKS = 0");
					for (String table : tables) {
						statement.execute("DELETE FROM " + table);
					}
					statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				}
				case H2 -> {
					statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
					for (String table : tables) {
						statement.execute("DELETE FROM " + table);
					}
					statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
				}
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		List<String> tables = new ArrayList<>();
		try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

}
