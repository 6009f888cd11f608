package dev.restless.security;

import java.util.function.Supplier;

import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The pieces with which {@link JsonApiSecurity} makes a security filter chain answer API requests
 * with JSON:API errors. Restless declares the bean when Spring Security is on the classpath; an
 * application rarely needs it directly (to match the API's requests in its own rules, for
 * example with {@code securityMatcher}).
 */
public interface JsonApiSecuritySupport {

	/**
	 * @return the requests addressed to the API: everything under {@code restless.base-path}
	 */
	RequestMatcher apiRequests();

	/**
	 * A new filter, for one chain, that turns the {@code 401} and {@code 403} any component of the
	 * chain answers an API request with into JSON:API error documents, keeping their headers. It
	 * belongs before the CSRF check and the authentication filters.
	 * @return the filter
	 */
	Filter errorResponseFilter();

	/**
	 * A new filter, for one chain, that translates the security exceptions of API requests, placed
	 * just after the chain's {@code ExceptionTranslationFilter}: {@code 401} through the chain's
	 * entry point (for its headers, never its redirects), {@code 403} through
	 * {@link #accessDeniedHandler}, and no request saved for a later login.
	 * @param applicationEntryPoint the chain's own entry point, once built (or {@code null})
	 * @param contexts the chain's security context holder strategy
	 * @return the filter
	 */
	Filter exceptionTranslationFilter(Supplier<@Nullable AuthenticationEntryPoint> applicationEntryPoint,
			SecurityContextHolderStrategy contexts);

	/**
	 * A handler that refuses API requests with a {@code 403} JSON:API error document (the CSRF
	 * check's refusals included) and hands other requests to another handler.
	 * @param otherRequests the handler of the requests outside the API
	 * @return the handler
	 */
	AccessDeniedHandler accessDeniedHandler(AccessDeniedHandler otherRequests);

}
