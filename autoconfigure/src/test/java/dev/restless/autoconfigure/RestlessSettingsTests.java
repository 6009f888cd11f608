package dev.restless.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.restless.ResourceMethod;
import dev.restless.ResourceSettings;
import dev.restless.Restless;
import dev.restless.RestlessSettings;
import dev.restless.RestlessSettingsCustomizer;
import dev.restless.autoconfigure.fixtures.valid.Widget;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.query.FilterParser;
import dev.restless.internal.query.QueryParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link RestlessSettings} bean: built from the properties, then changed by the
 * {@link RestlessSettingsCustomizer} beans, and what the runtime is built from.
 */
class RestlessSettingsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(
				org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
				org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
				org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
				RestlessAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(ValidEntities.class);

	@Test
	void newSettingsHoldTheDefaultsOfTheProperties() {
		RestlessSettings applied = new RestlessSettings();
		new RestlessProperties().applyTo(applied);

		assertThat(applied).usingRecursiveComparison().isEqualTo(new RestlessSettings());
	}

	@Test
	void thePropertiesAreAppliedToTheSettings() {
		this.runner
			.withPropertyValues("restless.max-page-size=40", "restless.max-filter-depth=4",
					"restless.max-request-size=64KB", "restless.require-if-match=true",
					"restless.atomic.max-operations=5", "restless.resources.widget.page-size=3",
					"restless.resources.widget.methods=GET,POST", "restless.resources.widget.allow-functions=true")
			.run((context) -> {
				RestlessSettings settings = context.getBean(RestlessSettings.class);
				assertThat(settings.getMaxPageSize()).isEqualTo(40);
				assertThat(settings.getMaxFilterDepth()).isEqualTo(4);
				assertThat(settings.getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(64).toBytes());
				assertThat(settings.isRequireIfMatch()).isTrue();
				assertThat(settings.getAtomicMaxOperations()).isEqualTo(5);
				assertThat(settings.getResources()).containsOnlyKeys("widget");
				ResourceSettings widget = settings.getResources().get("widget");
				assertThat(widget.getPageSize()).isEqualTo(3);
				assertThat(widget.getMethods()).containsExactly(ResourceMethod.GET, ResourceMethod.POST);
				assertThat(widget.getAllowFunctions()).isTrue();
				assertThat(widget.getMaxPageSize()).as("not set").isNull();
				assertThat(widget.getToManyLinkage()).as("not set").isNull();
			});
	}

	@Test
	void aCustomizerChangesTheSettingsTheRegistryIsBuiltFrom() {
		this.runner.withUserConfiguration(LargerWidgetPages.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RestlessSettings.class).getResources().get("widget").getMaxPageSize())
				.isEqualTo(7);
			ResourceDescriptor widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
			assertThat(widget.maxPageSize()).isEqualTo(7);
			assertThat(widget.pageSize()).isEqualTo(7);
		});
	}

	@Test
	void aCustomizerWinsOverTheProperties() {
		this.runner.withUserConfiguration(LargerWidgetPages.class)
			.withPropertyValues("restless.resources.widget.max-page-size=30")
			.run((context) -> assertThat(
					context.getBean(ResourceRegistry.class).find("widget").orElseThrow().maxPageSize())
				.isEqualTo(7));
	}

	@Test
	void customizersRunInTheirOrderAfterTheProperties() {
		this.runner.withUserConfiguration(OrderedCustomizers.class)
			.withPropertyValues("restless.max-page-size=50")
			.run((context) -> {
				assertThat(context.getBean(OrderedCustomizers.class).calls).containsExactly("first saw 50",
						"second saw 60");
				assertThat(context.getBean(RestlessSettings.class).getMaxPageSize()).isEqualTo(70);
				assertThat(context.getBean(ResourceRegistry.class).find("widget").orElseThrow().maxPageSize())
					.isEqualTo(70);
			});
	}

	@Test
	void aCustomizerTunesTheLimitsOfTheQueryParsers() {
		this.runner.withUserConfiguration(TightLimits.class).run((context) -> {
			ResourceDescriptor widget = context.getBean(ResourceRegistry.class).find("widget").orElseThrow();
			assertThatExceptionOfType(JsonApiException.class)
				.isThrownBy(() -> context.getBean(FilterParser.class).parse(widget, Map.of("id", "1,2,3")))
				.withMessageContaining("more than 2 filter objects and values");
			assertThatExceptionOfType(JsonApiException.class)
				.isThrownBy(() -> context.getBean(QueryParser.class)
					.parse(widget, Map.of("include", new String[] { "a.b" }), Set.of()))
				.withMessageContaining("deeper than 1 relationships");
		});
	}

	@Test
	void aCustomizerNamingAnUnknownCollectionFailsStartUpAsThePropertyDoes() {
		this.runner.withBean(RestlessSettingsCustomizer.class, () -> (settings) -> settings.resource("gadgets"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidResourceConfigurationException.class)
					.hasMessageContaining("restless.resources.gadgets names no exposed resource");
			});
	}

	@Test
	void theApplicationsOwnSettingsReplaceTheProperties() {
		this.runner.withUserConfiguration(OwnSettings.class)
			.withPropertyValues("restless.max-page-size=50")
			.run((context) -> {
				assertThat(context).getBean(RestlessSettings.class).isSameAs(OwnSettings.SETTINGS);
				assertThat(context.getBean(ResourceRegistry.class).find("widget").orElseThrow().maxPageSize())
					.isEqualTo(9);
			});
	}

	@Test
	void theApplicationsOwnRestlessReplacesTheDefault() {
		this.runner.withUserConfiguration(OwnRestless.class).run((context) -> {
			assertThat(context).hasSingleBean(Restless.class);
			assertThat(context.getBean(Restless.class)).isSameAs(OwnRestless.RESTLESS);
			assertThat(context.getBean(Restless.class).collectionName(Widget.class)).isEqualTo("gizmos");
		});
	}

	@Test
	void theDefaultRestlessAnswersFromTheRegistry() {
		this.runner.withPropertyValues("restless.base-path=/v1").run((context) -> {
			Restless restless = context.getBean(Restless.class);
			assertThat(restless.collectionName(Widget.class)).isEqualTo("widget");
			assertThat(restless.entityFor("widget")).isEqualTo(Widget.class);
			assertThat(restless.primaryKeyFor(Widget.class)).isEqualTo("id");
			assertThat(restless.urlFor(Widget.class, 3L, null)).isEqualTo("/v1/widget/3");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class ValidEntities {

	}

	@Configuration(proxyBeanMethods = false)
	static class LargerWidgetPages {

		@Bean
		RestlessSettingsCustomizer largerWidgetPages() {
			return (settings) -> settings.resource("widget").setMaxPageSize(7);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		final List<String> calls = new ArrayList<>();

		// Declared before the first one, so only the order puts it second.
		@Bean
		@Order(2)
		RestlessSettingsCustomizer second() {
			return (settings) -> {
				this.calls.add("second saw " + settings.getMaxPageSize());
				settings.setMaxPageSize(70);
			};
		}

		@Bean
		@Order(1)
		RestlessSettingsCustomizer first() {
			return (settings) -> {
				this.calls.add("first saw " + settings.getMaxPageSize());
				settings.setMaxPageSize(60);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TightLimits {

		@Bean
		RestlessSettingsCustomizer tightLimits() {
			return (settings) -> {
				settings.setMaxFilterNodes(2);
				settings.setMaxIncludeDepth(1);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSettings {

		static final RestlessSettings SETTINGS = new RestlessSettings();

		static {
			SETTINGS.setMaxPageSize(9);
		}

		@Bean
		RestlessSettings ownSettings() {
			return SETTINGS;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRestless {

		static final Restless RESTLESS = new Restless() {

			@Override
			public String collectionName(Class<?> entityClass) {
				return "gizmos";
			}

			@Override
			public Class<?> entityFor(String collectionName) {
				return Widget.class;
			}

			@Override
			public String primaryKeyFor(Class<?> entityClass) {
				return "id";
			}

			@Override
			public String urlFor(Object entity) {
				return "/gizmos/1";
			}

			@Override
			public String urlFor(Class<?> entityClass, Object id, String relation) {
				return "/gizmos/" + id;
			}

		};

		@Bean
		Restless ownRestless() {
			return RESTLESS;
		}

	}

}
