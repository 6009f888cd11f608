package dev.restless.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.restless.autoconfigure.fixtures.valid.Widget;
import dev.restless.internal.diagnostics.RestlessEndpoint;
import dev.restless.internal.diagnostics.RestlessRequestObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

class RestlessActuatorAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(
				org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
				org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
				org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
				RestlessAutoConfiguration.class, RestlessEndpointAutoConfiguration.class,
				RestlessObservationAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(Entities.class);

	@Test
	void theEndpointListsTheResourcesWithTheSettingsTheyRunWithWhereItIsExposed() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=restless",
					"restless.resources.widget.max-page-size=7")
			.run((context) -> {
				assertThat(context).hasSingleBean(RestlessEndpoint.class);
				Map<String, Object> report = context.getBean(RestlessEndpoint.class).restless();
				assertThat(report).containsEntry("basePath", "/api");
				@SuppressWarnings("unchecked")
				Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) report
					.get("resources");
				assertThat(resources).containsOnlyKeys("widget");
				assertThat(resources.get("widget")).containsEntry("entity", Widget.class.getName())
					.containsEntry("methods", List.of("GET"))
					.containsEntry("maxPageSize", 7)
					.containsEntry("pageSize", 7)
					.containsEntry("primaryKey", "id")
					.containsEntry("attributes", List.of());
			});
	}

	@Test
	void theEndpointIsLeftOutWhereItIsNotExposedOrActuatorIsAbsent() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(RestlessEndpoint.class));
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=restless")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RestlessEndpoint.class));
	}

	@Test
	void requestObservationsAreTaggedWithTheResourceAndTheOperation() {
		this.runner.withPropertyValues("management.observations.http.server.requests.name=api.requests")
			.run((context) -> {
				assertThat(context).hasSingleBean(RestlessRequestObservationConvention.class);
				assertThat(context.getBean(ServerRequestObservationConvention.class).getName())
					.isEqualTo("api.requests");
			});
	}

	@Test
	void theApplicationsOwnObservationConventionWins() {
		this.runner.withUserConfiguration(OwnConvention.class)
			.run((context) -> assertThat(context).doesNotHaveBean(RestlessRequestObservationConvention.class)
				.hasSingleBean(ServerRequestObservationConvention.class));
	}

	@Test
	void withoutMicrometerRequestsAreNotObserved() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ServerRequestObservationConvention.class));
	}

	@Test
	void bothBackOffWhenRestlessIsDisabled() {
		this.runner.withPropertyValues("restless.enabled=false", "management.endpoints.web.exposure.include=restless")
			.run((context) -> assertThat(context).doesNotHaveBean(RestlessEndpoint.class)
				.doesNotHaveBean(RestlessRequestObservationConvention.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class Entities {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConvention {

		@Bean
		ServerRequestObservationConvention ownConvention() {
			return new DefaultServerRequestObservationConvention();
		}

	}

}
