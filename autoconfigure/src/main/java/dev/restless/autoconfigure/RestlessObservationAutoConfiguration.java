package dev.restless.autoconfigure;

import dev.restless.internal.diagnostics.RestlessRequestObservationConvention;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.service.JsonApiService;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the request metrics of the API: where Micrometer observes Spring MVC's
 * requests ({@code http.server.requests}, with Spring Boot Actuator), the requests to Restless's
 * endpoints are tagged with their resource's route, the resource type and the operation. Backs off
 * when the application declares a {@link ServerRequestObservationConvention} of its own.
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class,
		beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ObservationRegistry.class, ServerRequestObservationConvention.class, DispatcherServlet.class })
@ConditionalOnBean(JsonApiService.class)
public final class RestlessObservationAutoConfiguration {

	/** The property Spring Boot names the observations of server requests with. */
	static final String OBSERVATION_NAME = "management.observations.http.server.requests.name";

	@Bean
	@ConditionalOnMissingBean(ServerRequestObservationConvention.class)
	RestlessRequestObservationConvention restlessRequestObservationConvention(ResourceRegistry registry,
			RestlessProperties properties, Environment environment) {
		String basePath = properties.getBasePath();
		return new RestlessRequestObservationConvention(
				environment.getProperty(OBSERVATION_NAME, "http.server.requests"), registry, basePath,
				ServletPaths.contextPath(environment) + ServletPaths.servletPath(environment) + basePath);
	}

}
