package dev.restless.autoconfigure;

import java.util.Set;

import dev.restless.RestlessSettings;
import dev.restless.internal.service.JsonApiService;
import dev.restless.internal.web.AtomicOperationsController;
import dev.restless.internal.web.ContentNegotiation;
import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.web.JsonApiExceptionHandler;
import dev.restless.internal.web.RequestBodyReader;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the Restless endpoints in Spring MVC, under {@code restless.base-path}: the
 * resource endpoints and the Atomic Operations endpoint ({@code /operations}).
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(JsonApiService.class)
public final class RestlessWebMvcAutoConfiguration {

	@Bean
	ContentNegotiation restlessContentNegotiation() {
		return new ContentNegotiation(Set.of(ContentNegotiation.ATOMIC_EXTENSION));
	}

	@Bean
	AtomicOperationsController restlessAtomicOperationsController(JsonApiService service,
			ContentNegotiation negotiation, ObjectProvider<ObjectMapper> mapper, RestlessProperties properties,
			RestlessSettings settings) {
		return new AtomicOperationsController(service, negotiation, RestlessAutoConfiguration.mapperOf(mapper),
				bodyReader(settings), properties.getBasePath());
	}

	@Bean
	JsonApiController restlessController(JsonApiService service, ContentNegotiation negotiation,
			ObjectProvider<ObjectMapper> mapper, RestlessProperties properties, RestlessSettings settings) {
		return new JsonApiController(service, negotiation, RestlessAutoConfiguration.mapperOf(mapper),
				bodyReader(settings), properties.getBasePath());
	}

	@Bean
	JsonApiExceptionHandler restlessExceptionHandler(ObjectProvider<ObjectMapper> mapper) {
		return new JsonApiExceptionHandler(RestlessAutoConfiguration.mapperOf(mapper));
	}

	private static RequestBodyReader bodyReader(RestlessSettings settings) {
		return new RequestBodyReader(settings.getMaxRequestSize());
	}

}
