package dev.restless.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets pages of other origins call the API, as the README's section on CORS shows: the origins
 * in {@code sample.cors.allowed-origins} (none by default) may read and write, and read the
 * headers clients need ({@code Location}, {@code ETag}, {@code Link}).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

	private final String[] allowedOrigins;

	CorsConfiguration(@Value("${sample.cors.allowed-origins:}") String allowedOrigins) {
		this.allowedOrigins = StringUtils.commaDelimitedListToStringArray(allowedOrigins.replace(" ", ""));
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.allowedOrigins.length == 0) {
			return;
		}
		registry.addMapping("/api/**")
			.allowedOrigins(this.allowedOrigins)
			.allowedMethods("GET", "POST", "PATCH", "DELETE")
			.allowedHeaders("Content-Type", "Accept", "If-Match", "If-None-Match", "Authorization")
			.exposedHeaders("Location", "ETag", "Link");
	}

}
