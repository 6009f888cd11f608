package dev.restless.autoconfigure;

import java.util.UUID;

import dev.restless.autoconfigure.fixtures.guarded.Vault;
import dev.restless.autoconfigure.fixtures.valid.Widget;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.security.ExpressionAccessControl;
import dev.restless.internal.security.ScopedRowRestrictions;
import dev.restless.internal.service.JsonApiService;
import dev.restless.security.RowScope;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class RestlessSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(
				org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
				org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
				org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
				RestlessAutoConfiguration.class, RestlessSecurityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop");

	@Test
	void withSpringSecurityTheRulesAndScopesAreEnforced() {
		this.runner.withUserConfiguration(GuardedEntities.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ExpressionAccessControl.class)
				.hasSingleBean(ScopedRowRestrictions.class)
				.hasSingleBean(JsonApiService.class);
		});
	}

	@Test
	void withoutSpringSecurityNothingIsEnforcedAndNoRuleIsAccepted() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withUserConfiguration(ValidEntities.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ExpressionAccessControl.class)
					.doesNotHaveBean(ScopedRowRestrictions.class)
					.hasSingleBean(JsonApiService.class);
			});
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.withUserConfiguration(GuardedEntities.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("add Spring Security"));
	}

	@Test
	void accessRulesInPropertiesWinOverTheAnnotationAndAnEmptyOneRemovesIt() {
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.update-access=hasRole('AUDITOR')")
			.run((context) -> {
				var access = context.getBean(ResourceRegistry.class).find("vault").orElseThrow().access();
				assertThat(access.read()).isEqualTo("hasRole('ADMIN')");
				assertThat(access.update()).isEqualTo("hasRole('AUDITOR')");
				assertThat(access.relationshipChanges()).isEqualTo("hasRole('AUDITOR')");
			});
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.read-access=")
			.run((context) -> assertThat(
					context.getBean(ResourceRegistry.class).find("vault").orElseThrow().access().read())
				.isNull());
	}

	@Test
	void backsOffWhenRestlessIsDisabled() {
		this.runner.withPropertyValues("restless.enabled=false")
			.withUserConfiguration(GuardedEntities.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ExpressionAccessControl.class)
					.doesNotHaveBean(ScopedRowRestrictions.class);
			});
	}

	@Test
	void aRowScopeBeanRestrictsTheResourceOfItsEntityOnly() {
		this.runner.withUserConfiguration(ValidEntities.class, WidgetScope.class).run((context) -> {
			ScopedRowRestrictions restrictions = context.getBean(ScopedRowRestrictions.class);
			ResourceRegistry registry = context.getBean(ResourceRegistry.class);
			assertThat(restrictions.restricts(registry.find("widget").orElseThrow())).isTrue();
		});
		this.runner.withUserConfiguration(ValidEntities.class, UnrestrictedWidgetScope.class).run((context) -> {
			ScopedRowRestrictions restrictions = context.getBean(ScopedRowRestrictions.class);
			ResourceRegistry registry = context.getBean(ResourceRegistry.class);
			assertThat(restrictions.restricts(registry.find("widget").orElseThrow())).isFalse();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class ValidEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Vault.class)
	static class GuardedEntities {

	}

	@Configuration(proxyBeanMethods = false)
	static class WidgetScope {

		@Bean
		RowScope<Widget> widgetScope() {
			return (authentication) -> (widget, query, builder) -> builder.isNotNull(widget.get("id"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnrestrictedWidgetScope {

		@Bean
		RowScope<Widget> widgetScope() {
			return (authentication) -> Specification.unrestricted();
		}

	}

}
