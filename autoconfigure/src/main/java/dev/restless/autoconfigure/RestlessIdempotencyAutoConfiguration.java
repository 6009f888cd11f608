package dev.restless.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import dev.restless.ExposedResource;
import dev.restless.internal.idempotency.IdempotencyPurger;
import dev.restless.internal.idempotency.IdempotencyStore;
import dev.restless.internal.idempotency.IdempotencyTable;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Idempotency keys, when {@code restless.idempotency.enabled=true}: the table of keys (created at
 * start-up with {@code restless.idempotency.create-table=true}), which the service layer uses for
 * every write that carries an {@code Idempotency-Key}, and the background purge of expired keys.
 * Backs off, as the rest of Restless does, outside a servlet web application with JPA on
 * Hibernate.
 */
@AutoConfiguration(before = RestlessAutoConfiguration.class,
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ExposedResource.class, EntityManagerFactory.class, Session.class })
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "restless.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "restless.idempotency.enabled")
@EnableConfigurationProperties(RestlessProperties.class)
public final class RestlessIdempotencyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdempotencyStore restlessIdempotencyStore(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, RestlessProperties properties) {
		RestlessProperties.Idempotency idempotency = properties.getIdempotency();
		Duration timeout = properties.getTransactionTimeout();
		IdempotencyStore store = new IdempotencyStore(
				RestlessAutoConfiguration.sharedEntityManager(entityManagerFactory), transactionManager,
				new IdempotencyTable(idempotency.getTableName()), idempotency.getRetention(),
				idempotency.getInFlightTimeout(), timeout.isZero() ? null : timeout, Clock.systemUTC());
		if (idempotency.isCreateTable()) {
			store.createTableNowOrOnFirstUse();
		}
		return store;
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotencyPurger restlessIdempotencyPurger(IdempotencyStore store, RestlessProperties properties) {
		return new IdempotencyPurger(store, properties.getIdempotency().getPurgeInterval());
	}

}
