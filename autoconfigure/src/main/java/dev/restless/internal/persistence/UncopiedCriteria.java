package dev.restless.internal.persistence;

import java.util.function.Supplier;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Queries of criteria built for them alone and never changed after. JPA has Hibernate copy a
 * criteria's tree into each query made of it, so that a later change of the criteria leaves the
 * query alone; these criteria are not changed again, and the copy would only cost time. Hibernate
 * caches the plan of every query whose tree it did not copy, so the copy is skipped only where
 * criteria plans are cached anyway: an application that turned that cache off keeps it off.
 */
final class UncopiedCriteria {

	private UncopiedCriteria() {
	}

	/**
	 * Make a query without copying its criteria's tree, then restore the session's setting for
	 * the application's own queries.
	 * @param session the session the query is made in
	 * @param query makes the query
	 * @return the query
	 */
	static <Q> Q query(SharedSessionContractImplementor session, Supplier<Q> query) {
		if (!session.isCriteriaCopyTreeEnabled() || !session.isCriteriaPlanCacheEnabled()) {
			return query.get();
		}
		session.setCriteriaCopyTreeEnabled(false);
		try {
			return query.get();
		}
		finally {
			session.setCriteriaCopyTreeEnabled(true);
		}
	}

}
