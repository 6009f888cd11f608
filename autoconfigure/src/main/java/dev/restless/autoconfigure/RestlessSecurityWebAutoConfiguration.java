package dev.restless.autoconfigure;

import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.web.security.ApiRequestMatcher;
import dev.restless.internal.web.security.RestlessJsonApiSecuritySupport;
import dev.restless.internal.web.security.SecurityErrorWriter;
import dev.restless.internal.web.security.SecurityExceptionPropagation;
import dev.restless.security.JsonApiSecuritySupport;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Auto-configuration of Restless's side of Spring Security, when it is on the classpath: the
 * security exceptions of the endpoints reach Spring Security's exception translation (rather than
 * becoming a {@code 500}), and the {@link JsonApiSecuritySupport} that
 * {@link dev.restless.security.JsonApiSecurity} applies to an application's chain. It changes no
 * chain by itself.
 */
@AutoConfiguration(after = RestlessWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SecurityFilterChain.class)
@ConditionalOnBean(JsonApiController.class)
public final class RestlessSecurityWebAutoConfiguration {

	@Bean
	SecurityExceptionPropagation restlessSecurityExceptionPropagation() {
		return new SecurityExceptionPropagation();
	}

	@Bean
	@ConditionalOnMissingBean
	JsonApiSecuritySupport restlessJsonApiSecuritySupport(RestlessProperties properties,
			ObjectProvider<ObjectMapper> mapper, Environment environment) {
		ApiRequestMatcher apiRequests = new ApiRequestMatcher(
				ServletPaths.servletPath(environment) + properties.getBasePath());
		return new RestlessJsonApiSecuritySupport(
				new SecurityErrorWriter(apiRequests, RestlessAutoConfiguration.mapperOf(mapper)));
	}

}
