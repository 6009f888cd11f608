package dev.restless.it.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC's CORS configuration, as an application declares it: pages served from
 * {@code http://app.example} may call the API.
 */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration implements WebMvcConfigurer {

	/** The origin allowed to call the API. */
	public static final String ALLOWED_ORIGIN = "http://app.example";

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/**")
			.allowedOrigins(ALLOWED_ORIGIN)
			.allowedMethods("GET", "POST", "PATCH", "DELETE")
			.allowedHeaders("Content-Type", "Accept", "If-Match")
			.exposedHeaders("Location", "ETag", "Link");
	}

}
