package dev.restless.internal.query;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * How the {@code like}, {@code ilike} and {@code not_like} operators make text matching behave the
 * same on every database: case and accents matter, and {@code ilike} only folds case.
 */
public enum TextMatching {

	/**
	 * The database compares text exactly in {@code LIKE} (H2, PostgreSQL and most others).
	 */
	NATIVE {

		@Override
		public Expression<String> exact(CriteriaBuilder builder, Expression<String> text) {
			return text;
		}

	},

	/**
	 * MySQL and MariaDB, whose default collations ignore case and accents: the text is compared in
	 * the binary collation of {@code utf8mb4}, whatever the column's character set.
	 */
	BINARY_COLLATION {

		@Override
		public Expression<String> exact(CriteriaBuilder builder, Expression<String> text) {
			if (builder instanceof HibernateCriteriaBuilder hibernate) {
				return hibernate.sql("convert(? using utf8mb4) collate utf8mb4_bin", String.class, text);
			}
			return text;
		}

	};

	/**
	 * The text, made to compare exactly (by code point) on this database.
	 * @param builder the criteria builder
	 * @param text the text expression
	 * @return an expression that compares exactly
	 */
	public abstract Expression<String> exact(CriteriaBuilder builder, Expression<String> text);

	/**
	 * The text matching of the database behind an entity manager factory.
	 * @param entityManagerFactory the entity manager factory
	 * @return {@link #BINARY_COLLATION} for MySQL and MariaDB, otherwise {@link #NATIVE}
	 */
	public static TextMatching of(EntityManagerFactory entityManagerFactory) {
		try {
			Dialect dialect = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
			return (dialect instanceof MySQLDialect) ? BINARY_COLLATION : NATIVE;
		}
		catch (RuntimeException ex) {
			// Not Hibernate: nothing to adapt to.
			return NATIVE;
		}
	}

}
