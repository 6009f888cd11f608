package dev.restless.autoconfigure;

import dev.restless.ExposedResource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lets Hibernate cache the plans of criteria queries, which Restless builds for every collection
 * read: without the cache Hibernate translates the same query to SQL on every request. A value
 * the application sets for {@code spring.jpa.properties.hibernate.criteria.plan_cache_enabled} is
 * kept.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ExposedResource.class, HibernatePropertiesCustomizer.class })
@ConditionalOnBooleanProperty(name = "restless.enabled", matchIfMissing = true)
public final class RestlessHibernateAutoConfiguration {

	/** Hibernate's setting for the plan cache of criteria queries. */
	static final String CRITERIA_PLAN_CACHE = "hibernate.criteria.plan_cache_enabled";

	@Bean
	@ConditionalOnMissingBean(name = "restlessCriteriaPlanCache")
	HibernatePropertiesCustomizer restlessCriteriaPlanCache() {
		return (properties) -> properties.putIfAbsent(CRITERIA_PLAN_CACHE, "true");
	}

}
