package dev.restless.autoconfigure;

import java.util.ArrayList;

import dev.restless.RestlessSettings;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.openapi.RestlessOpenApi;
import dev.restless.internal.query.FilterOperators;
import dev.restless.internal.web.AtomicOperationsController;
import dev.restless.internal.web.JsonApiController;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The description of the Restless API in OpenAPI 3.1, when springdoc-openapi is on the classpath:
 * springdoc's own scan would see only the generic endpoints ({@code /api/{collection}} with every
 * HTTP method and no schemas), so Restless hides its controllers from it and adds, through a
 * {@link GlobalOpenApiCustomizer}, one path item per resource and endpoint kind with the methods
 * the resource serves, its parameters, and the schemas of its documents. Without springdoc
 * nothing of this is loaded.
 */
@AutoConfiguration(after = RestlessWebMvcAutoConfiguration.class,
		beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ GlobalOpenApiCustomizer.class, SpringDocUtils.class })
@ConditionalOnBean(JsonApiController.class)
public final class RestlessOpenApiAutoConfiguration {

	/**
	 * The description of the API, added to every document springdoc serves (each group's too).
	 * Restless's generic controllers are hidden from springdoc's scan, which would describe them
	 * wrongly.
	 * @param registry the exposed resources
	 * @param settings the settings (the include depth)
	 * @param operators the filter operators, custom ones included
	 * @param properties the Restless properties (the base path)
	 * @param environment tells the path of the dispatcher servlet
	 * @return the customizer
	 */
	@Bean
	@ConditionalOnMissingBean(name = "restlessOpenApiCustomizer")
	GlobalOpenApiCustomizer restlessOpenApiCustomizer(ResourceRegistry registry, RestlessSettings settings,
			FilterOperators operators, RestlessProperties properties, Environment environment) {
		SpringDocUtils.getConfig().addHiddenRestControllers(JsonApiController.class, AtomicOperationsController.class);
		String apiPath = ServletPaths.servletPath(environment) + properties.getBasePath();
		RestlessOpenApi description = new RestlessOpenApi(registry, apiPath, settings.getMaxIncludeDepth(),
				new ArrayList<>(operators.names()));
		return description::addTo;
	}

}
