package dev.restless.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.restless.Restless;
import dev.restless.Total;
import dev.restless.autoconfigure.fixtures.valid.Widget;
import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.ResourceQueries;
import dev.restless.internal.query.FilterOperators;
import dev.restless.internal.query.QueryParser;
import dev.restless.query.FilterOperator;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.web.JsonApiErrorReportValve;
import dev.restless.internal.service.JsonApiService;
import jakarta.persistence.EntityManagerFactory;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RestlessAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
			org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			RestlessAutoConfiguration.class, RestlessWebMvcAutoConfiguration.class,
			RestlessTomcatAutoConfiguration.class, RestlessHibernateAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(ValidEntities.class);

	@Test
	void aServletApplicationWithJpaGetsTheWholeRuntime() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(ResourceRegistry.class)
				.hasSingleBean(JsonApiService.class)
				.hasSingleBean(JsonApiController.class)
				.hasSingleBean(Restless.class)
				.hasSingleBean(TomcatConnectorCustomizer.class)
				.hasSingleBean(TomcatContextCustomizer.class);
			assertThat(context.getBean(Restless.class).collectionName(Widget.class)).isEqualTo("widget");
			assertThat(context.getBean(ResourceRegistry.class).find("widget").orElseThrow().attributes())
				.doesNotContainKey("name");
		});
	}

	@Test
	void criteriaQueryPlansAreCachedUnlessTheApplicationSaysOtherwise() {
		this.runner.run((context) -> assertThat(context.getBean(EntityManagerFactory.class)
			.getProperties()
			.get(RestlessHibernateAutoConfiguration.CRITERIA_PLAN_CACHE)).hasToString("true"));
		this.runner.withPropertyValues("spring.jpa.properties.hibernate.criteria.plan_cache_enabled=false")
			.run((context) -> assertThat(context.getBean(EntityManagerFactory.class)
				.getProperties()
				.get(RestlessHibernateAutoConfiguration.CRITERIA_PLAN_CACHE)).hasToString("false"));
		this.runner.withPropertyValues("restless.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("restlessCriteriaPlanCache"));
	}

	@Test
	void restlessCriteriaQueriesAreNotCachedWhereTheApplicationTurnedTheCriteriaPlanCacheOff() {
		// Restless's criteria skip the copy of their trees, and Hibernate caches the plan of every
		// query whose tree it did not copy: the copy is skipped only where plans are cached anyway.
		this.runner.withPropertyValues("spring.jpa.properties.hibernate.criteria.plan_cache_enabled=false")
			.run((context) -> assertThat(cachedQueryPlansAfterAPageAndACount(context)).isZero());
		this.runner.run((context) -> assertThat(cachedQueryPlansAfterAPageAndACount(context)).isPositive());
	}

	private static int cachedQueryPlansAfterAPageAndACount(ApplicationContext context) {
		ResourceDescriptor widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
		ResourceQueries queries = context.getBean(ResourceQueries.class);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			queries.findPage(widget, QueryParser.defaults(widget));
			queries.count(widget, QueryParser.defaults(widget));
		});
		return context.getBean(EntityManagerFactory.class)
			.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache()
			.getNumberOfCachedQueryPlans();
	}

	@Test
	void requestBodiesAreLimitedToTwoMegabytesUnlessConfiguredAndALimitBelowOneByteFailsStartUp() {
		this.runner.run((context) -> assertThat(context.getBean(RestlessProperties.class).getMaxRequestSize())
			.isEqualTo(DataSize.ofMegabytes(2)));
		this.runner.withPropertyValues("restless.max-request-size=64KB")
			.run((context) -> assertThat(context.getBean(RestlessProperties.class).getMaxRequestSize())
				.isEqualTo(DataSize.ofKilobytes(64)));
		this.runner.withPropertyValues("restless.max-request-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("largest request body"));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("restless.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ResourceRegistry.class)
				.doesNotHaveBean(JsonApiController.class)
				.doesNotHaveBean(TomcatConnectorCustomizer.class)
				.doesNotHaveBean(TomcatContextCustomizer.class);
			assertThat(context).hasSingleBean(EntityManagerFactory.class);
		});
	}

	@Test
	void backsOffInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.withUserConfiguration(ValidEntities.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(EntityManagerFactory.class);
				assertThat(context).doesNotHaveBean(ResourceRegistry.class).doesNotHaveBean(JsonApiController.class);
			});
	}

	@Test
	void backsOffWithoutAnEntityManagerFactory() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
					RestlessAutoConfiguration.class, RestlessWebMvcAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ResourceRegistry.class).doesNotHaveBean(JsonApiController.class);
			});
	}

	@Test
	void backsOffWithoutJpaOnTheClasspath() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(
					org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
					RestlessAutoConfiguration.class, RestlessWebMvcAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.springframework.data.jpa"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ResourceRegistry.class).doesNotHaveBean(JsonApiController.class);
			});
	}

	@Test
	void backsOffWithoutSpringMvcOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(org.springframework.web.servlet.DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JsonApiController.class));
	}

	@Test
	void theApplicationsFilterOperatorBeansJoinTheFilterLanguage() {
		this.runner.withUserConfiguration(OwnOperator.class).run((context) -> {
			FilterOperators operators = context.getBean(FilterOperators.class);
			assertThat(operators.find("starts_with")).containsSame(OwnOperator.STARTS_WITH);
			assertThat(operators.find("==")).isPresent();
		});
	}

	@Test
	void twoResourcesWithOneCollectionNameFailStartUp() {
		assertStartUpFails(DuplicateEntities.class, "are both exposed as collection 'things'");
	}

	@Test
	void onlyTogetherWithExcludeFailsStartUp() {
		assertStartUpFails(OnlyExcludeEntities.class, "sets both 'only' and 'exclude'");
	}

	@Test
	void anUnknownNameInOnlyFailsStartUp() {
		assertStartUpFails(UnknownOnlyEntities.class, "names 'colour' in 'only'");
	}

	@Test
	void anUnknownDefaultIncludeFailsStartUp() {
		assertStartUpFails(UnknownIncludeEntities.class, "includes 'owner'");
	}

	@Test
	void creatingAnAbstractEntityFailsStartUp() {
		assertStartUpFails(AbstractCreationEntities.class, "is abstract, so it cannot be created");
	}

	@Test
	void anIllegalMemberNameFailsStartUp() {
		assertStartUpFails(IllegalNameEntities.class, "'bad/name'");
		assertStartUpFails(ReservedFieldEntities.class, "field named 'type'");
	}

	@Test
	void aRelationshipNamedRelationshipsFailsStartUpSinceItsEndpointsWouldClashWithTheRelationshipEndpoints() {
		assertStartUpFails(RelationshipsRelationshipEntities.class, "relationship named 'relationships'");
	}

	@Test
	void propertiesForAnUnknownResourceFailStartUp() {
		this.runner.withPropertyValues("restless.resources.gadgets.page-size=3")
			.run((context) -> assertFailedWith(context, "restless.resources.gadgets"));
	}

	@Test
	void aMisspelledSettingOfAResourceFailsStartUpListingTheValidOnes() {
		this.runner.withPropertyValues("restless.resources.widget.page-sise=2").run((context) -> {
			assertFailedWith(context, "'restless.resources.widget.page-sise' is not a setting of a resource");
			Throwable failure = context.getStartupFailure();
			while (!(failure instanceof InvalidResourceConfigurationException)) {
				failure = failure.getCause();
			}
			assertThat(((InvalidResourceConfigurationException) failure).action())
				.contains("restless.resources.widget:")
				.contains("page-size", "max-page-size", "methods", "total", "estimated-total-threshold", "require-if-match");
		});
	}

	@Test
	void everySettingOfAResourceIsAcceptedInEveryFormSpringBootBinds() {
		this.runner
			.withPropertyValues("restless.resources.widget.methods[0]=GET", "restless.resources.widget.pageSize=4",
					"restless.resources.widget.total=ESTIMATED", "restless.resources.widget.estimated_total_threshold=500",
					"restless.resources.widget.max-page-size=9")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				var widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
				assertThat(widget.pageSize()).isEqualTo(4);
				assertThat(widget.maxPageSize()).isEqualTo(9);
				assertThat(widget.total()).isEqualTo(Total.ESTIMATED);
				assertThat(widget.estimatedTotalThreshold()).isEqualTo(500);
			});
	}

	@Test
	void aResourceTakesTheGlobalEstimatedTotalThresholdUnlessItSetsItsOwn() {
		this.runner.withPropertyValues("restless.estimated-total-threshold=2000", "restless.resources.widget.total=none")
			.run((context) -> {
				var widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
				assertThat(widget.estimatedTotalThreshold()).isEqualTo(2000);
				assertThat(widget.total()).isEqualTo(Total.NONE);
			});
		this.runner.run((context) -> {
			var widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
			assertThat(widget.estimatedTotalThreshold()).isEqualTo(10_000);
			assertThat(widget.total()).isEqualTo(Total.EXACT);
		});
	}

	@Test
	void estimatesAreAskedOfTheDatabaseEveryTimeUnlessATimeToLiveIsSetGloballyOrForTheResource() {
		this.runner.run((context) -> assertThat(
				context.getBean(ResourceRegistry.class).find("widget").orElseThrow().estimatedTotalTimeToLive())
			.isZero());
		this.runner.withPropertyValues("restless.estimated-total-time-to-live=2s")
			.run((context) -> assertThat(
					context.getBean(ResourceRegistry.class).find("widget").orElseThrow().estimatedTotalTimeToLive())
				.isEqualTo(Duration.ofSeconds(2)));
		this.runner
			.withPropertyValues("restless.estimated-total-time-to-live=2s",
					"restless.resources.widget.estimated-total-time-to-live=500ms")
			.run((context) -> assertThat(
					context.getBean(ResourceRegistry.class).find("widget").orElseThrow().estimatedTotalTimeToLive())
				.isEqualTo(Duration.ofMillis(500)));
	}

	@Test
	void aNegativeEstimatedTotalTimeToLiveFailsStartUp() {
		this.runner.withPropertyValues("restless.resources.widget.estimated-total-time-to-live=-1s")
			.run((context) -> assertFailedWith(context, "estimated-total time to live below 0"));
		this.runner.withPropertyValues("restless.estimated-total-time-to-live=-1s")
			.run((context) -> assertFailedWith(context,
					"estimated-total time to live below 0 (the global restless.estimated-total-time-to-live)"));
	}

	@Test
	void aNegativeEstimatedTotalThresholdFailsStartUp() {
		this.runner.withPropertyValues("restless.resources.widget.estimated-total-threshold=-5")
			.run((context) -> assertFailedWith(context, "estimated-total threshold below 0"));
	}

	@Test
	void startUpLogsOneLinePerResourceAndASummary(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Exposed 'widget' at /api/widget (entity " + Widget.class.getName()
					+ "; methods GET; page size 10, at most 100)")
				.containsPattern("Restless serves 1 resource under /api: widget \\(registry built in \\d+ ms of CPU\\)");
		});
	}

	@Test
	void clientGeneratedIdsForAGeneratedIdFailStartUp() {
		this.runner.withPropertyValues("restless.resources.widget.allow-client-generated-ids=true")
			.run((context) -> assertFailedWith(context, "allows client-generated ids, but its id 'id' is generated"));
	}

	@Test
	void propertiesWinOverTheAnnotation() {
		this.runner.withPropertyValues("restless.resources.widget.max-page-size=7", "restless.resources.widget.methods=GET,POST")
			.run((context) -> {
				var widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
				assertThat(widget.maxPageSize()).isEqualTo(7);
				assertThat(widget.pageSize()).isEqualTo(7);
				assertThat(widget.methods()).hasSize(2);
			});
	}

	@Test
	void tomcatKeepsTheCharactersTheApplicationRelaxedAndAddsJsonApiOnes() {
		this.runner.run((context) -> {
			Connector connector = new Connector();
			connector.setProperty("relaxedQueryChars", "|");
			context.getBean(TomcatConnectorCustomizer.class).customize(connector);
			assertThat(connector.getProperty("relaxedQueryChars").toString()).startsWith("|").contains("[", "]", "{", "}", "\"");
		});
	}

	@Test
	void theHostsErrorReportBecomesJsonApiUnderTheBasePathKeepingTheSettingsOfTheOneItReplaces() {
		this.runner.withPropertyValues("restless.base-path=/v1").run((context) -> {
			StandardHost host = new StandardHost();
			StandardContext webContext = new StandardContext();
			webContext.setPath("/shop");
			webContext.setParent(host);
			ErrorReportValve bootsReport = new ErrorReportValve();
			bootsReport.setShowServerInfo(false);
			host.getPipeline().addValve(bootsReport);

			context.getBean(TomcatContextCustomizer.class).customize(webContext);
			for (LifecycleListener listener : host.findLifecycleListeners()) {
				listener.lifecycleEvent(new LifecycleEvent(host, Lifecycle.BEFORE_START_EVENT, null));
			}

			List<Valve> reports = Stream.of(host.getPipeline().getValves())
				.filter(ErrorReportValve.class::isInstance)
				.toList();
			assertThat(reports).singleElement().isInstanceOf(JsonApiErrorReportValve.class);
			assertThat(((ErrorReportValve) reports.get(0)).isShowServerInfo()).isFalse();
			assertThat(host.getErrorReportValveClass()).isEqualTo(JsonApiErrorReportValve.class.getName());
			assertThat(reports.get(0)).hasFieldOrPropertyWithValue("apiPath", "/shop/v1");
		});
	}

	private void assertStartUpFails(Class<?> entities, String message) {
		new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.withUserConfiguration(entities)
			.run((context) -> assertFailedWith(context, message));
	}

	private static void assertFailedWith(AssertableWebApplicationContext context, String message) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).rootCause()
			.isInstanceOf(InvalidResourceConfigurationException.class)
			.hasMessageContaining(message);
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class ValidEntities {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnOperator {

		static final FilterOperator STARTS_WITH = new FilterOperator() {

			@Override
			public String name() {
				return "starts_with";
			}

			@Override
			public boolean appliesTo(Class<?> type) {
				return type == String.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
				return builder.like((Expression<String>) field, FilterOperator.escapeLike((String) value) + "%", '\\');
			}

		};

		@Bean
		FilterOperator startsWith() {
			return STARTS_WITH;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.duplicate.First.class)
	static class DuplicateEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.onlyexclude.Gadget.class)
	static class OnlyExcludeEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.unknownonly.Gizmo.class)
	static class UnknownOnlyEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.unknowninclude.Doohickey.class)
	static class UnknownIncludeEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.illegalname.Thingamajig.class)
	static class IllegalNameEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.abstractcreation.Shape.class)
	static class AbstractCreationEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.reservedfield.Contraption.class)
	static class ReservedFieldEntities {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = dev.restless.autoconfigure.fixtures.relationshipsrelationship.Gizmo.class)
	static class RelationshipsRelationshipEntities {

	}

}
