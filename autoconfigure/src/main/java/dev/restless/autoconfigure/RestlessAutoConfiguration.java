package dev.restless.autoconfigure;

import dev.restless.ExposedResource;
import dev.restless.Restless;
import dev.restless.RestlessSettings;
import dev.restless.RestlessSettingsCustomizer;
import dev.restless.internal.diagnostics.CpuStopwatch;
import dev.restless.internal.diagnostics.StartupReport;
import dev.restless.internal.document.DocumentRenderer;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.internal.idempotency.IdempotencyStore;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.metamodel.ResourceRegistryFactory;
import dev.restless.internal.persistence.ConstraintFields;
import dev.restless.internal.persistence.EntityWriter;
import dev.restless.internal.persistence.RelationshipWriter;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.persistence.RowRestrictions;
import dev.restless.internal.persistence.RowScoping;
import dev.restless.internal.persistence.ResourceRepositories;
import dev.restless.internal.service.ProcessorChain;
import dev.restless.internal.query.QueryParser;
import dev.restless.query.FilterOperator;
import dev.restless.internal.query.FilterOperators;
import dev.restless.internal.query.FilterParser;
import dev.restless.internal.persistence.FilterPredicateBuilder;
import dev.restless.internal.query.TextMatching;
import dev.restless.internal.service.AccessControl;
import dev.restless.internal.service.JsonApiService;
import dev.restless.internal.web.RegistryRestless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.Validator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of the Restless runtime: the registry of exposed entities, the queries, the
 * document renderer, the processors and the request handler. Backs off unless the application is
 * a servlet web application with JPA, and when {@code restless.enabled=false}. Every bean can be
 * replaced by one of the application's own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ExposedResource.class, EntityManagerFactory.class, SimpleJpaRepository.class, ObjectMapper.class })
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "restless.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RestlessProperties.class)
public final class RestlessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RestlessSettings restlessSettings(RestlessProperties properties,
			ObjectProvider<RestlessSettingsCustomizer> customizers) {
		RestlessSettings settings = new RestlessSettings();
		properties.applyTo(settings);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(settings));
		return settings;
	}

	@Bean
	ResourceRegistry restlessResourceRegistry(EntityManagerFactory entityManagerFactory, RestlessSettings settings,
			RestlessProperties properties, Environment environment) {
		ResourcePropertyNames.check(environment);
		CpuStopwatch stopwatch = CpuStopwatch.start();
		ResourceRegistry registry = new ResourceRegistryFactory(settings).create(entityManagerFactory.getMetamodel());
		new StartupReport(registry, properties.getBasePath(), stopwatch.elapsed()).log();
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	Restless restless(ResourceRegistry registry, RestlessProperties properties, Environment environment) {
		// The base path comes from the properties, as it does for the endpoints the URLs point at.
		return RegistryRestless.of(registry, properties.getBasePath(),
				ServletPaths.contextPath(environment) + ServletPaths.servletPath(environment));
	}

	@Bean
	FilterOperators restlessFilterOperators(ObjectProvider<FilterOperator> operators,
			EntityManagerFactory entityManagerFactory) {
		return new FilterOperators(operators.orderedStream().toList(), TextMatching.of(entityManagerFactory));
	}

	@Bean
	FilterParser restlessFilterParser(ResourceRegistry registry, FilterOperators operators,
			RestlessSettings settings, ObjectProvider<FieldVisibility> visibility) {
		return new FilterParser(registry, operators, settings.getMaxFilterDepth(), settings.getMaxFilterNodes(),
				visibilityOf(visibility));
	}

	@Bean
	RowScoping restlessRowScoping(ObjectProvider<RowRestrictions> restrictions) {
		return new RowScoping(restrictions.getIfAvailable(() -> RowRestrictions.NONE));
	}

	@Bean
	FilterPredicateBuilder restlessFilterPredicateBuilder(ResourceRegistry registry, FilterOperators operators,
			RowScoping scoping) {
		return new FilterPredicateBuilder(registry, operators, scoping);
	}

	@Bean
	QueryParser restlessQueryParser(ResourceRegistry registry, FilterParser filterParser,
			RestlessSettings settings, ObjectProvider<FieldVisibility> visibility) {
		return new QueryParser(registry, filterParser, settings.getMaxIncludeDepth(), visibilityOf(visibility));
	}

	@Bean
	ResourceQueries restlessResourceQueries(EntityManagerFactory entityManagerFactory, ResourceRegistry registry,
			FilterPredicateBuilder predicates, RowScoping scoping) {
		return new ResourceQueries(sharedEntityManager(entityManagerFactory), registry, predicates, scoping);
	}

	@Bean
	ResourceRepositories restlessResourceRepositories(ListableBeanFactory beanFactory,
			EntityManagerFactory entityManagerFactory) {
		return new ResourceRepositories(beanFactory, sharedEntityManager(entityManagerFactory));
	}

	@Bean
	RelationshipWriter restlessRelationshipWriter(ResourceRegistry registry) {
		return new RelationshipWriter(registry);
	}

	@Bean
	EntityWriter restlessEntityWriter(ResourceRegistry registry, ResourceQueries queries,
			RelationshipWriter relationshipWriter, ObjectProvider<ObjectMapper> mapper) {
		return new EntityWriter(registry, queries, relationshipWriter, mapperOf(mapper));
	}

	@Bean
	DocumentRenderer restlessDocumentRenderer(ResourceRegistry registry, ObjectProvider<ObjectMapper> mapper,
			ObjectProvider<FieldVisibility> visibility) {
		return new DocumentRenderer(registry, mapperOf(mapper), visibilityOf(visibility));
	}

	@Bean
	ProcessorChain restlessProcessorChain(ListableBeanFactory beanFactory) {
		return ProcessorChain.of(beanFactory);
	}

	@Bean
	JsonApiService restlessService(ResourceRegistry registry, QueryParser queryParser, ResourceQueries queries,
			ResourceRepositories repositories, EntityWriter writer, DocumentRenderer renderer, ProcessorChain processors,
			ObjectProvider<ObjectMapper> mapper, ObjectProvider<Validator> validator,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			RestlessSettings settings, ObjectProvider<AccessControl> access,
			ObjectProvider<FieldVisibility> visibility, ObjectProvider<IdempotencyStore> idempotencyStore) {
		if (access.getIfAvailable() == null && registry.all().stream().anyMatch((resource) -> resource.access().any())) {
			throw new InvalidResourceConfigurationException("Access rules (readAccess, createAccess, updateAccess, "
					+ "deleteAccess, relationshipAccess, @FieldAccess) are Spring Security expressions; add Spring "
					+ "Security to the application or remove the rules");
		}
		return new JsonApiService(registry, queryParser, queries, repositories, writer, renderer, processors,
				mapperOf(mapper), validator.getIfAvailable(), sharedEntityManager(entityManagerFactory),
				transactionManager, settings.getAtomicMaxOperations(), ConstraintFields.of(entityManagerFactory, registry),
				settings.getTransactionTimeout(), idempotencyStore.getIfAvailable(),
				access.getIfAvailable(() -> AccessControl.NONE), visibilityOf(visibility));
	}

	private static FieldVisibility visibilityOf(ObjectProvider<FieldVisibility> visibility) {
		return visibility.getIfAvailable(() -> FieldVisibility.ALL);
	}

	static ObjectMapper mapperOf(ObjectProvider<ObjectMapper> mapper) {
		return mapper.getIfAvailable(() -> JsonMapper.builder().build());
	}

	static EntityManager sharedEntityManager(EntityManagerFactory entityManagerFactory) {
		return SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
	}

}
