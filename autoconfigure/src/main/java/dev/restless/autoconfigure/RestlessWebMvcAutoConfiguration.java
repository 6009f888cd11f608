package dev.restless.autoconfigure;

import java.util.Set;

import dev.restless.RestlessSettings;
import dev.restless.internal.service.JsonApiService;
import dev.restless.internal.web.AtomicOperationsController;
import dev.restless.internal.web.ContentNegotiation;
import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.web.JsonApiCorsProcessor;
import dev.restless.internal.web.JsonApiErrorPageFilter;
import dev.restless.internal.web.JsonApiExceptionHandler;
import dev.restless.internal.web.RequestBodyReader;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

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

	/**
	 * JSON:API errors, rather than the application's error page, for the requests to the API that
	 * the container refuses and hands to that page (a {@code TRACE}, a body with broken chunked
	 * framing). Mapped to error dispatches only, first, so that it answers before the error page.
	 * @param properties the Restless properties
	 * @param mapper writes the error documents
	 * @param environment tells the path of the dispatcher servlet
	 * @return the registration
	 */
	@Bean
	@ConditionalOnMissingBean(name = "restlessErrorPageFilter")
	FilterRegistrationBean<JsonApiErrorPageFilter> restlessErrorPageFilter(RestlessProperties properties,
			ObjectProvider<ObjectMapper> mapper, Environment environment) {
		FilterRegistrationBean<JsonApiErrorPageFilter> registration = new FilterRegistrationBean<>(
				new JsonApiErrorPageFilter(ServletPaths.servletPath(environment) + properties.getBasePath(),
						RestlessAutoConfiguration.mapperOf(mapper)));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Spring MVC's CORS processing answers the requests to the API that the application's CORS
	 * configuration refuses with a JSON:API error. An application that set a CORS processor of its
	 * own keeps it.
	 * @param properties the Restless properties
	 * @param mapper writes the error documents
	 * @param environment tells the path of the dispatcher servlet
	 * @return the post-processor that sets the CORS processor of Spring MVC's request mappings
	 */
	@Bean
	static BeanPostProcessor restlessCorsProcessorPostProcessor(ObjectProvider<RestlessProperties> properties,
			ObjectProvider<ObjectMapper> mapper, Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerMapping mapping
						&& mapping.getCorsProcessor().getClass() == DefaultCorsProcessor.class) {
					mapping.setCorsProcessor(new JsonApiCorsProcessor(
							ServletPaths.servletPath(environment) + properties.getObject().getBasePath(),
							RestlessAutoConfiguration.mapperOf(mapper)));
				}
				return bean;
			}

		};
	}

	private static RequestBodyReader bodyReader(RestlessSettings settings) {
		return new RequestBodyReader(settings.getMaxRequestSize());
	}

}
