package dev.restless.security;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Makes an application's security filter chain answer the requests of the API (everything under
 * {@code restless.base-path}) the JSON:API way: a caller who is not authenticated gets {@code 401}
 * and a refused one {@code 403}, as JSON:API error documents ({@code application/vnd.api+json},
 * with the Atomic Operations extension for the operations endpoint), with the headers of the
 * chain's authentication scheme ({@code WWW-Authenticate} for HTTP Basic), never a redirect to a
 * login page, no request saved for a later login, and so no session created by a refusal. The
 * CSRF check's refusals of API requests are {@code 403} JSON:API errors too. Requests outside the
 * API keep the chain's own behaviour, and the chain's rules (who may call what, the
 * authentication scheme, sessions, CSRF) stay the application's.
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain api(HttpSecurity http) {
 *     return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
 *         .httpBasic(Customizer.withDefaults())
 *         .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
 *         .csrf((csrf) -> csrf.disable())
 *         .with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())
 *         .build();
 * }
 * }</pre>
 */
public final class JsonApiSecurity extends AbstractHttpConfigurer<JsonApiSecurity, HttpSecurity> {

	private volatile @Nullable AuthenticationEntryPoint applicationEntryPoint;

	private JsonApiSecurity() {
	}

	/**
	 * @return a configurer to apply with {@code http.with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())}
	 */
	public static JsonApiSecurity jsonApi() {
		return new JsonApiSecurity();
	}

	@Override
	public void init(HttpSecurity http) {
		JsonApiSecuritySupport support = support(http);
		ExceptionHandlingConfigurer<HttpSecurity> exceptions = http.getConfigurer(ExceptionHandlingConfigurer.class);
		if (exceptions == null) {
			return;
		}
		// The CSRF check refuses with the chain's access denied handler: API requests get a
		// JSON:API 403 from it, others what they got before.
		exceptions.defaultAccessDeniedHandlerFor(support.accessDeniedHandler(new AccessDeniedHandlerImpl()),
				support.apiRequests());
		// The chain's own entry point, once built, speaks for its scheme in API refusals.
		exceptions.withObjectPostProcessor(new ObjectPostProcessor<ExceptionTranslationFilter>() {

			@Override
			public <O extends ExceptionTranslationFilter> O postProcess(O filter) {
				JsonApiSecurity.this.applicationEntryPoint = filter.getAuthenticationEntryPoint();
				return filter;
			}

		});
	}

	@Override
	public void configure(HttpSecurity http) {
		JsonApiSecuritySupport support = support(http);
		http.addFilterBefore(support.errorResponseFilter(), CsrfFilter.class);
		http.addFilterAfter(support.exceptionTranslationFilter(() -> this.applicationEntryPoint,
				getSecurityContextHolderStrategy()), ExceptionTranslationFilter.class);
	}

	private static JsonApiSecuritySupport support(HttpSecurity http) {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		if (context == null || context.getBeanProvider(JsonApiSecuritySupport.class).getIfAvailable() == null) {
			throw new IllegalStateException("JsonApiSecurity needs Restless's JsonApiSecuritySupport bean, which "
					+ "Restless declares in a servlet web application with Spring Security and Spring MVC");
		}
		return context.getBean(JsonApiSecuritySupport.class);
	}

}
