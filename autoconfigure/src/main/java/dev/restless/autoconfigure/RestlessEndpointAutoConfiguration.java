package dev.restless.autoconfigure;

import dev.restless.RestlessSettings;
import dev.restless.internal.diagnostics.RestlessEndpoint;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.service.JsonApiService;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Actuator endpoint {@code restless}, which lists the resources and the
 * settings they run with. Needs Spring Boot Actuator, and is served where the application exposes
 * it ({@code management.endpoints.web.exposure.include=restless}).
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(JsonApiService.class)
@ConditionalOnAvailableEndpoint(RestlessEndpoint.class)
public final class RestlessEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RestlessEndpoint restlessEndpoint(ResourceRegistry registry, RestlessSettings settings,
			RestlessProperties properties) {
		return new RestlessEndpoint(registry, settings, properties.getBasePath());
	}

}
