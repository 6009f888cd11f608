package dev.restless.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import dev.restless.autoconfigure.fixtures.valid.Widget;
import dev.restless.internal.idempotency.IdempotencyPurger;
import dev.restless.internal.idempotency.IdempotencyStore;
import dev.restless.internal.idempotency.IdempotencyTable;
import dev.restless.internal.service.JsonApiService;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the idempotency keys are configured: only when asked, only where the rest of Restless runs,
 * never over a store of the application's own, with a table created only when asked.
 */
class RestlessIdempotencyAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
			org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			RestlessAutoConfiguration.class, RestlessIdempotencyAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(Entities.class);

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JsonApiService.class)
				.doesNotHaveBean(IdempotencyStore.class)
				.doesNotHaveBean(IdempotencyPurger.class);
		});
	}

	@Test
	void enabledGivesTheStoreAndItsPurgeWithoutCreatingTheTable() {
		this.runner.withPropertyValues("restless.idempotency.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(IdempotencyStore.class).hasSingleBean(IdempotencyPurger.class);
			assertThat(context.getBean(IdempotencyPurger.class).isRunning()).isTrue();
			assertThat(tableExists(context.getBean(DataSource.class), "RESTLESS_IDEMPOTENCY_KEYS")).isFalse();
		});
	}

	@Test
	void createTableCreatesTheNamedTable() {
		this.runner
			.withPropertyValues("restless.idempotency.enabled=true", "restless.idempotency.create-table=true",
					"restless.idempotency.table-name=request_keys")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(IdempotencyStore.class).table().name()).isEqualTo("request_keys");
				assertThat(tableExists(context.getBean(DataSource.class), "REQUEST_KEYS")).isTrue();
			});
	}

	@Test
	void aTableNameThatIsNotAPlainIdentifierFailsStartUp() {
		this.runner
			.withPropertyValues("restless.idempotency.enabled=true", "restless.idempotency.table-name=keys; drop table x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("idempotency table name"));
	}

	@Test
	void theDefaultsAreDocumentedOnes() {
		this.runner.withPropertyValues("restless.idempotency.enabled=true").run((context) -> {
			RestlessProperties properties = context.getBean(RestlessProperties.class);
			assertThat(properties.getIdempotency().getTableName()).isEqualTo("restless_idempotency_keys");
			assertThat(properties.getIdempotency().isCreateTable()).isFalse();
			assertThat(properties.getIdempotency().getRetention()).isEqualTo(Duration.ofHours(24));
			assertThat(properties.getIdempotency().getPurgeInterval()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.getIdempotency().getInFlightTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getTransactionTimeout()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void backsOffWhenRestlessIsDisabled() {
		this.runner.withPropertyValues("restless.enabled=false", "restless.idempotency.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IdempotencyStore.class));
	}

	@Test
	void backsOffInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"restless.idempotency.enabled=true")
			.withUserConfiguration(Entities.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IdempotencyStore.class));
	}

	@Test
	void backsOffWithoutJpa() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RestlessAutoConfiguration.class,
					RestlessIdempotencyAutoConfiguration.class))
			.withPropertyValues("restless.idempotency.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IdempotencyStore.class));
	}

	@Test
	void keepsAStoreOfTheApplicationsOwn() {
		this.runner.withPropertyValues("restless.idempotency.enabled=true")
			.withUserConfiguration(OwnStore.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(IdempotencyStore.class);
				assertThat(context.getBean(IdempotencyStore.class).table().name()).isEqualTo("own_keys");
			});
	}

	private static boolean tableExists(DataSource dataSource, String name) throws Exception {
		try (Connection connection = dataSource.getConnection();
				ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
			return tables.next();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class Entities {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		IdempotencyStore ownIdempotencyStore(EntityManagerFactory entityManagerFactory,
				PlatformTransactionManager transactionManager) {
			return new IdempotencyStore(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory),
					transactionManager, new IdempotencyTable("own_keys"), Duration.ofHours(1), Duration.ofMinutes(1), null,
					Clock.systemUTC());
		}

	}

}
