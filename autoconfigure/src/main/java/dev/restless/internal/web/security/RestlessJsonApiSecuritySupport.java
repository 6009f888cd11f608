package dev.restless.internal.web.security;

import java.util.function.Supplier;

import dev.restless.security.JsonApiSecuritySupport;
import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Restless's {@link JsonApiSecuritySupport}: the filters and handlers of this package, for the
 * API's path.
 */
public final class RestlessJsonApiSecuritySupport implements JsonApiSecuritySupport {

	private final SecurityErrorWriter writer;

	/**
	 * Create the support.
	 * @param writer writes the error documents, and tells the API requests
	 */
	public RestlessJsonApiSecuritySupport(SecurityErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	public RequestMatcher apiRequests() {
		return this.writer.apiRequests();
	}

	@Override
	public Filter errorResponseFilter() {
		return new JsonApiErrorResponseFilter(this.writer);
	}

	@Override
	public Filter exceptionTranslationFilter(Supplier<@Nullable AuthenticationEntryPoint> applicationEntryPoint,
			SecurityContextHolderStrategy contexts) {
		return new JsonApiExceptionTranslationFilter(this.writer.apiRequests(),
				new JsonApiAuthenticationEntryPoint(applicationEntryPoint, this.writer),
				accessDeniedHandler(new AccessDeniedHandlerImpl()), contexts);
	}

	@Override
	public AccessDeniedHandler accessDeniedHandler(AccessDeniedHandler otherRequests) {
		return new JsonApiAccessDeniedHandler(this.writer, otherRequests);
	}

}
