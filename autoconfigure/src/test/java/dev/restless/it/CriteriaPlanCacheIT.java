package dev.restless.it;

import dev.restless.it.support.ApiIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that turns Hibernate's cache of criteria plans off keeps it off. Restless builds
 * each criteria for one query and has Hibernate skip copying its tree, and Hibernate caches the
 * plan of every query whose tree it did not copy: Restless skips the copy only where plans are
 * cached anyway.
 */
@TestPropertySource(properties = "spring.jpa.properties.hibernate.criteria.plan_cache_enabled=false")
class CriteriaPlanCacheIT extends ApiIntegrationTest {

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	private int cachedQueryPlans() {
		return this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache()
			.getNumberOfCachedQueryPlans();
	}

	private void get(String path) {
		assertThat(this.api.get(path).status()).isEqualTo(200);
	}

	@Test
	void noPlanOfRestlessCriteriaQueriesIsCachedWhenTheApplicationTurnedTheCacheOff() {
		get("/api/computers?filter%5Bname%5D=none");
		int cached = cachedQueryPlans();

		// pages and counts of shapes not queried before, matching no rows (so no linkage queries)
		get("/api/computers?filter%5Bvendor%5D=none&page%5Btotal%5D=exact");
		get("/api/computers?filter%5Bname%5D=none&sort=-vendor&page%5Btotal%5D=exact");

		assertThat(cachedQueryPlans()).isEqualTo(cached);
	}

}
