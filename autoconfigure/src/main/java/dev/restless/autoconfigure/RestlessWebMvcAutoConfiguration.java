package dev.restless.autoconfigure;

import java.util.Set;

import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.service.ProcessorChain;
import dev.restless.internal.web.AtomicOperationsController;
import dev.restless.internal.service.AtomicOperationsHandler;
import dev.restless.internal.web.ContentNegotiation;
import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.service.JsonApiRequestHandler;
import dev.restless.internal.web.RequestBodyReader;
import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Auto-configuration of the Restless endpoints in Spring MVC, under {@code restless.base-path}: the
 * resource endpoints and the Atomic Operations endpoint ({@code /operations}).
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(JsonApiRequestHandler.class)
public final class RestlessWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ContentNegotiation restlessContentNegotiation() {
		return new ContentNegotiation(Set.of(ContentNegotiation.ATOMIC_EXTENSION));
	}

	@Bean
	@ConditionalOnMissingBean
	AtomicOperationsHandler restlessAtomicOperationsHandler(JsonApiRequestHandler handler,
			ResourceRegistry registry, DocumentRenderer renderer, ProcessorChain processors,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			RestlessProperties properties) {
		return new AtomicOperationsHandler(handler, registry, renderer, processors,
				SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), transactionManager,
				properties.getBasePath(), properties.getAtomic().getMaxOperations());
	}

	@Bean
	@ConditionalOnMissingBean
	AtomicOperationsController restlessAtomicOperationsController(AtomicOperationsHandler handler,
			ContentNegotiation negotiation, ObjectProvider<ObjectMapper> mapper, RestlessProperties properties) {
		return new AtomicOperationsController(handler, negotiation, RestlessAutoConfiguration.mapperOf(mapper),
				bodyReader(properties));
	}

	@Bean
	@ConditionalOnMissingBean
	JsonApiController restlessController(JsonApiRequestHandler handler, ContentNegotiation negotiation,
			ObjectProvider<ObjectMapper> mapper, RestlessProperties properties) {
		return new JsonApiController(handler, negotiation, RestlessAutoConfiguration.mapperOf(mapper),
				bodyReader(properties));
	}

	private static RequestBodyReader bodyReader(RestlessProperties properties) {
		return new RequestBodyReader(properties.getMaxRequestSize().toBytes());
	}

}
