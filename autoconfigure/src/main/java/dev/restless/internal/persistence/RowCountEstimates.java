package dev.restless.internal.persistence;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaQuery;
import org.hibernate.Session;
import org.hibernate.SessionBuilder;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database planner's estimate of how many rows a query returns, read from an {@code EXPLAIN}
 * of the very statement Hibernate writes for it, with its parameters bound: one statement that
 * reads no rows, where a {@code COUNT} reads them all. PostgreSQL and MariaDB explain in JSON;
 * other databases give no estimate, and their totals stay exact.
 * <p>
 * The statement is run in a session on the request's connection, within its transaction, that
 * rewrites its SQL to an {@code EXPLAIN} after the application's own statement inspector has seen
 * it, so statement counters and SQL rewriters still apply. An estimate can be given again for the
 * same query for a while ({@link RecentEstimates}).
 */
final class RowCountEstimates {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final EntityManager entityManager;

	private volatile @Nullable Explain explain;

	private final RecentEstimates recent = new RecentEstimates();

	RowCountEstimates(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * @param criteria the query to estimate, selecting one string per row (its value is not read:
	 * the plan takes the place of the rows)
	 * @param sameQuery everything besides the session and its tenant that decides the rows of the
	 * query, so that its estimate can be given again to an equal one for a while; {@code null}
	 * where it is not to be
	 * @param timeToLive how long an estimate is given again for the same query
	 * @return the estimated number of rows, or empty where the database gives no estimate
	 */
	OptionalLong estimate(Supplier<CriteriaQuery<String>> criteria, @Nullable Object sameQuery, Duration timeToLive) {
		Session session = this.entityManager.unwrap(Session.class);
		Explain explain = explain(session.getFactory().unwrap(SessionFactoryImplementor.class));
		if (explain == Explain.NONE || hasEnabledFilters(session)) {
			// Hibernate filters the session enabled (soft deletes, tenants) would not apply to the
			// statement of another session: their rows are counted exactly instead.
			return OptionalLong.empty();
		}
		TenantQuery key = (sameQuery != null) ? new TenantQuery(sameQuery, session.getTenantIdentifierValue()) : null;
		if (key != null) {
			OptionalLong kept = this.recent.get(key);
			if (kept.isPresent()) {
				return kept;
			}
		}
		OptionalLong estimate = explain(session, explain, criteria.get());
		if (key != null && estimate.isPresent()) {
			this.recent.keep(key, estimate.getAsLong(), timeToLive);
		}
		return estimate;
	}

	private OptionalLong explain(Session session, Explain explain, CriteriaQuery<String> criteria) {
		StatementInspector configured = session.getFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getSessionFactoryOptions()
			.getStatementInspector();
		UnaryOperator<String> explaining = (sql) -> {
			String inspected = (configured != null) ? configured.inspect(sql) : sql;
			return explain.prefix + ((inspected != null) ? inspected : sql);
		};
		// A session of its own on the request's connection: a session sharing the connection
		// through Hibernate would share its statement inspector too.
		String plan = session.doReturningWork((connection) -> {
			SessionBuilder builder = session.getFactory()
				.withOptions()
				.connection(connection)
				.statementInspector(explaining);
			Object tenant = session.getTenantIdentifierValue();
			if (tenant != null) {
				builder.tenantIdentifier(tenant);
			}
			try (Session explainingSession = builder.openSession()) {
				return UncopiedCriteria
					.query(explainingSession.unwrap(SharedSessionContractImplementor.class),
							() -> explainingSession.createQuery(criteria))
					.getSingleResult();
			}
		});
		return (plan != null) ? explain.rows(plan) : OptionalLong.empty();
	}

	/** A query's key with the tenant whose rows the session reads. */
	private record TenantQuery(Object query, @Nullable Object tenant) {
	}

	private static boolean hasEnabledFilters(Session session) {
		return session.unwrap(SharedSessionContractImplementor.class).getLoadQueryInfluencers().hasEnabledFilters();
	}

	private Explain explain(SessionFactoryImplementor factory) {
		Explain known = this.explain;
		if (known == null) {
			Dialect dialect = factory.getJdbcServices().getDialect();
			known = (dialect instanceof PostgreSQLDialect) ? Explain.POSTGRESQL
					: (dialect instanceof MariaDBDialect) ? Explain.MARIADB : Explain.NONE;
			this.explain = known;
		}
		return known;
	}

	/** How one database explains a statement in JSON, and where its plan holds the row estimate. */
	enum Explain {

		/**
		 * The top node's {@code Plan Rows}: the rows the whole statement returns. The plan is read as
		 * a stream up to that number, skipping every other member: the whole tree is most of what
		 * reading an estimate costs.
		 */
		POSTGRESQL("EXPLAIN (FORMAT JSON) ") {
			@Override
			OptionalLong read(String plan) {
				try (JsonParser parser = JSON.tokenStreamFactory().createParser(plan)) {
					if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.START_OBJECT
							|| !toMember(parser, "Plan") || parser.currentToken() != JsonToken.START_OBJECT
							|| !toMember(parser, "Plan Rows") || parser.currentToken() == null
							|| !parser.currentToken().isNumeric()) {
						return OptionalLong.empty();
					}
					return OptionalLong.of(Math.round(parser.getValueAsDouble()));
				}
			}
		},

		/**
		 * The tables of the top query block, joined in a nested loop: each contributes the rows it
		 * reads times the share its conditions keep ({@code filtered}, in per cent).
		 */
		MARIADB("EXPLAIN FORMAT=JSON ") {
			@Override
			OptionalLong read(String plan) {
				JsonNode block = JSON.readTree(plan).path("query_block");
				JsonNode tables = block.has("nested_loop") ? block.path("nested_loop") : null;
				double rows = 1;
				int counted = 0;
				for (JsonNode entry : (tables != null) ? tables : JSON.createArrayNode().add(block)) {
					JsonNode table = entry.path("table");
					if (!table.path("rows").isNumber()) {
						continue;
					}
					double filtered = table.path("filtered").isNumber() ? table.path("filtered").asDouble() : 100;
					rows *= table.path("rows").asDouble() * filtered / 100;
					counted++;
				}
				return (counted > 0) ? OptionalLong.of(Math.round(rows)) : OptionalLong.empty();
			}
		},

		NONE("") {
			@Override
			OptionalLong read(String plan) {
				return OptionalLong.empty();
			}
		};

		private final String prefix;

		Explain(String prefix) {
			this.prefix = prefix;
		}

		OptionalLong rows(String plan) {
			try {
				return read(plan);
			}
			catch (JacksonException ex) {
				// A plan this version cannot read leaves the total exact rather than failing the page.
				return OptionalLong.empty();
			}
		}

		abstract OptionalLong read(String plan);

		/**
		 * Moves the parser, inside an object, to the value of one of its members, skipping the
		 * members before it.
		 * @return whether the object has the member
		 */
		private static boolean toMember(JsonParser parser, String name) {
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				boolean wanted = name.equals(parser.currentName());
				parser.nextToken();
				if (wanted) {
					return true;
				}
				parser.skipChildren();
			}
			return false;
		}

	}

}
