package dev.restless.autoconfigure;

import java.util.UUID;

import dev.restless.autoconfigure.fixtures.guarded.Vault;
import dev.restless.autoconfigure.fixtures.subtypes.Animal;
import dev.restless.autoconfigure.fixtures.subtypes.Dog;
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
import org.springframework.data.jpa.domain.PredicateSpecification;
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
	void accessRulesInPropertiesWinOverTheAnnotationAndOnlyPermitAllLiftsOne() {
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.update-access=hasRole('AUDITOR')")
			.run((context) -> {
				var access = context.getBean(ResourceRegistry.class).find("vault").orElseThrow().access();
				assertThat(access.read()).isEqualTo("hasRole('ADMIN')");
				assertThat(access.update()).isEqualTo("hasRole('AUDITOR')");
				assertThat(access.relationshipChanges()).isEqualTo("hasRole('AUDITOR')");
			});
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.read-access=permitAll()")
			.run((context) -> assertThat(
					context.getBean(ResourceRegistry.class).find("vault").orElseThrow().access().read())
				.isEqualTo("permitAll()"));
		// an unset placeholder must not open the resource
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.read-access=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("to permitAll()"));
	}

	@Test
	void aRuleThatDoesNotParseOrNamesTheRowBeforeItIsLoadedFailsStartUp() {
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.update-access=hasRole('ADMIN'")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("updating 'vault' is not a valid expression"));
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.read-access=resource.contents == 'x'")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("names 'resource'"));
		this.runner.withUserConfiguration(GuardedEntities.class)
			.withPropertyValues("restless.resources.vault.delete-access=resource != null")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void twoScopesForOneEntityFailStartUp() {
		this.runner.withUserConfiguration(ValidEntities.class, WidgetScope.class, UnrestrictedWidgetScope.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("has 2 row scopes"));
	}

	@Test
	void anExposedSubclassCannotHaveAScopeOtherThanItsSuperclassWhoseRowsIncludeItsOwn() {
		this.runner.withUserConfiguration(Animals.class, DogScope.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'dogs' has another row scope than 'animals'"));
		this.runner.withUserConfiguration(Animals.class, AnimalScope.class).run((context) -> {
			ScopedRowRestrictions restrictions = context.getBean(ScopedRowRestrictions.class);
			ResourceRegistry registry = context.getBean(ResourceRegistry.class);
			assertThat(restrictions.restricts(registry.find("dogs").orElseThrow())).isTrue();
			assertThat(restrictions.restricts(registry.find("animals").orElseThrow())).isTrue();
		});
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
	@EntityScan(basePackageClasses = Animal.class)
	static class Animals {

	}

	@Configuration(proxyBeanMethods = false)
	static class DogScope {

		@Bean
		RowScope<Dog> dogScope() {
			return (caller) -> (dog, builder) -> builder.isNotNull(dog.get("breed"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnimalScope {

		@Bean
		RowScope<Animal> animalScope() {
			return (caller) -> (animal, builder) -> builder.isNotNull(animal.get("name"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WidgetScope {

		@Bean
		RowScope<Widget> widgetScope() {
			return (caller) -> (widget, builder) -> builder.isNotNull(widget.get("id"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnrestrictedWidgetScope {

		@Bean
		RowScope<Widget> everyWidget() {
			return (caller) -> PredicateSpecification.unrestricted();
		}

	}

}
