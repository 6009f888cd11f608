package dev.restless.autoconfigure;

import java.util.UUID;

import dev.restless.autoconfigure.fixtures.valid.Widget;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RestlessOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(
				org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
				org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
				org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
				RestlessAutoConfiguration.class, RestlessWebMvcAutoConfiguration.class,
				RestlessOpenApiAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(Entities.class);

	private static OpenAPI describe(GlobalOpenApiCustomizer customizer) {
		OpenAPI openApi = new OpenAPI();
		customizer.customise(openApi);
		return openApi;
	}

	@Test
	void withSpringdocTheApiIsDescribedWithOnlyTheMethodsEachResourceServes() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasBean("restlessOpenApiCustomizer");
			OpenAPI openApi = describe(context.getBean("restlessOpenApiCustomizer", GlobalOpenApiCustomizer.class));
			PathItem collection = openApi.getPaths().get("/api/widget");
			assertThat(collection.getGet().getOperationId()).isEqualTo("listWidget");
			assertThat(collection.getPost()).as("POST is not enabled").isNull();
			assertThat(collection.getPut()).isNull();
			PathItem resource = openApi.getPaths().get("/api/widget/{id}");
			assertThat(resource.readOperations()).containsExactly(resource.getGet());
			assertThat(openApi.getPaths()).containsKey("/api/operations");
			assertThat(openApi.getComponents().getSchemas()).containsKeys("widget.resource", "widget.attributes",
					"jsonapi.error-document");
			assertThat(openApi.getComponents().getSchemas().get("widget.attributes").getProperties())
				.as("the excluded name").isNullOrEmpty();
		});
	}

	@Test
	void thePathsFollowTheBasePathAndTheServletPath() {
		this.runner.withPropertyValues("restless.base-path=/v1", "spring.mvc.servlet.path=/app").run((context) -> {
			OpenAPI openApi = describe(context.getBean("restlessOpenApiCustomizer", GlobalOpenApiCustomizer.class));
			assertThat(openApi.getPaths()).containsKeys("/app/v1/widget", "/app/v1/widget/{id}", "/app/v1/operations")
				.doesNotContainKey("/api/widget");
		});
	}

	@Test
	void withoutSpringdocNothingIsDescribedAndTheApplicationStarts() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springdoc", "io.swagger")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("restlessOpenApiCustomizer")
				.doesNotHaveBean(RestlessOpenApiAutoConfiguration.class);
		});
	}

	@Test
	void backsOffWithRestless() {
		this.runner.withPropertyValues("restless.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("restlessOpenApiCustomizer"));
	}

	@Test
	void theApplicationCanReplaceTheDescription() {
		this.runner.withBean("restlessOpenApiCustomizer", GlobalOpenApiCustomizer.class, () -> (openApi) -> {
		}).run((context) -> assertThat(describe(context.getBean("restlessOpenApiCustomizer",
				GlobalOpenApiCustomizer.class)).getPaths()).isNull());
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Widget.class)
	static class Entities {

	}

}
