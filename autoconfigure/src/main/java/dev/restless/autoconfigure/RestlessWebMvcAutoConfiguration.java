package dev.restless.autoconfigure;

import java.util.Set;

import dev.restless.web.ContentNegotiation;
import dev.restless.web.JsonApiController;
import dev.restless.web.JsonApiRequestHandler;
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
 * Auto-configuration of the Restless endpoints in Spring MVC, under {@code restless.base-path}.
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(JsonApiRequestHandler.class)
public final class RestlessWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContentNegotiation restlessContentNegotiation() {
		return new ContentNegotiation(Set.of());
	}

	@Bean
	@ConditionalOnMissingBean
	JsonApiController restlessController(JsonApiRequestHandler handler, ContentNegotiation negotiation,
			ObjectProvider<ObjectMapper> mapper) {
		return new JsonApiController(handler, negotiation, RestlessAutoConfiguration.mapperOf(mapper));
	}

}
