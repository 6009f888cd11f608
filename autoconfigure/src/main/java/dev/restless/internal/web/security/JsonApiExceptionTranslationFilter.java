package dev.restless.internal.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.ThrowableAnalyzer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's exception translation for API requests, placed just after the application's
 * {@code ExceptionTranslationFilter} so that it sees the refusals of API requests first, whether
 * the authorization filter or Restless's endpoints raise them: a caller who is not authenticated
 * (or only remembered) gets the {@link JsonApiAuthenticationEntryPoint}, {@code 401}; an
 * authenticated one the {@link JsonApiAccessDeniedHandler}, {@code 403}. Unlike the application's
 * translation, it saves no request to replay after a login (an API client has no login page to be
 * sent to), so an API refusal creates no session. Other requests and other failures pass through
 * to the application's translation.
 */
public final class JsonApiExceptionTranslationFilter extends OncePerRequestFilter {

	private final ApiRequestMatcher apiRequests;

	private final AuthenticationEntryPoint entryPoint;

	private final AccessDeniedHandler accessDeniedHandler;

	private final SecurityContextHolderStrategy contexts;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final ThrowableAnalyzer causes = new ServletThrowableAnalyzer();

	/**
	 * Create the filter.
	 * @param apiRequests tells the API requests
	 * @param entryPoint asks callers to authenticate
	 * @param accessDeniedHandler refuses authenticated callers
	 * @param contexts holds the security context of the request
	 */
	public JsonApiExceptionTranslationFilter(ApiRequestMatcher apiRequests, AuthenticationEntryPoint entryPoint,
			AccessDeniedHandler accessDeniedHandler, SecurityContextHolderStrategy contexts) {
		this.apiRequests = apiRequests;
		this.entryPoint = entryPoint;
		this.accessDeniedHandler = accessDeniedHandler;
		this.contexts = contexts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.apiRequests.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (ServletException | RuntimeException ex) {
			Throwable[] chainOfCauses = this.causes.determineCauseChain(ex);
			RuntimeException refusal = refusal(chainOfCauses);
			if (refusal == null || response.isCommitted()) {
				throw ex;
			}
			translate(request, response, refusal);
		}
	}

	private @Nullable RuntimeException refusal(Throwable[] chainOfCauses) {
		Throwable authentication = this.causes.getFirstThrowableOfType(AuthenticationException.class, chainOfCauses);
		if (authentication != null) {
			return (RuntimeException) authentication;
		}
		return (RuntimeException) this.causes.getFirstThrowableOfType(AccessDeniedException.class, chainOfCauses);
	}

	private void translate(HttpServletRequest request, HttpServletResponse response, RuntimeException refusal)
			throws IOException, ServletException {
		if (refusal instanceof AuthenticationException authenticationFailure) {
			startAuthentication(request, response, authenticationFailure);
			return;
		}
		Authentication caller = this.contexts.getContext().getAuthentication();
		if (this.trustResolver.isAnonymous(caller) || this.trustResolver.isRememberMe(caller)) {
			InsufficientAuthenticationException needed = new InsufficientAuthenticationException(
					"Full authentication is required to access this resource", refusal);
			needed.setAuthenticationRequest(caller);
			startAuthentication(request, response, needed);
			return;
		}
		this.accessDeniedHandler.handle(request, response, (AccessDeniedException) refusal);
	}

	private void startAuthentication(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException reason) throws IOException, ServletException {
		// As Spring Security's translation does: the authentication that failed is no longer valid.
		this.contexts.setContext(this.contexts.createEmptyContext());
		this.entryPoint.commence(request, response, reason);
	}

	/** Finds the cause of a {@link ServletException} too, as Spring Security's translation does. */
	private static final class ServletThrowableAnalyzer extends ThrowableAnalyzer {

		@Override
		protected void initExtractorMap() {
			super.initExtractorMap();
			registerExtractor(ServletException.class, (throwable) -> {
				ThrowableAnalyzer.verifyThrowableHierarchy(throwable, ServletException.class);
				return ((ServletException) throwable).getRootCause();
			});
		}

	}

}
