package dev.restless.autoconfigure;

import dev.restless.internal.document.ApiUrls;

import org.springframework.core.env.Environment;

/**
 * Where the application's dispatcher servlet is served, read from the settings Spring Boot reads
 * it from, for what Restless has to know before any request arrives. Both paths come without a
 * trailing slash, empty at their defaults.
 */
final class ServletPaths {

	private ServletPaths() {
	}

	/**
	 * @param environment the environment
	 * @return the context path ({@code server.servlet.context-path})
	 */
	static String contextPath(Environment environment) {
		return ApiUrls.withoutTrailingSlash(environment.getProperty("server.servlet.context-path", ""));
	}

	/**
	 * @param environment the environment
	 * @return the path of the dispatcher servlet in its context ({@code spring.mvc.servlet.path})
	 */
	static String servletPath(Environment environment) {
		return ApiUrls.withoutTrailingSlash(environment.getProperty("spring.mvc.servlet.path", "/"));
	}

}
