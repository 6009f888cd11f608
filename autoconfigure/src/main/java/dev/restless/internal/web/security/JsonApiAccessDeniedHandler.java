package dev.restless.internal.web.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.StringUtils;

/**
 * Refuses an API request of an authenticated caller, or one without a valid CSRF token, with a
 * {@code 403} JSON:API error document; other requests go to the application's handler.
 */
public final class JsonApiAccessDeniedHandler implements AccessDeniedHandler {

	/** The detail of a refusal by the CSRF check. */
	static final String CSRF = "The request carries no valid CSRF token: send the token the server issued "
			+ "(in the X-XSRF-TOKEN header when it is kept in the XSRF-TOKEN cookie)";

	private final SecurityErrorWriter writer;

	private final AccessDeniedHandler otherRequests;

	/**
	 * Create the handler.
	 * @param writer writes the error document, and tells the API requests
	 * @param otherRequests handles the requests that are not addressed to the API
	 */
	public JsonApiAccessDeniedHandler(SecurityErrorWriter writer, AccessDeniedHandler otherRequests) {
		this.writer = writer;
		this.otherRequests = otherRequests;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		if (!this.writer.apiRequests().matches(request)) {
			this.otherRequests.handle(request, response, accessDeniedException);
			return;
		}
		if (response.isCommitted()) {
			return;
		}
		this.writer.write(request, response, HttpServletResponse.SC_FORBIDDEN, detail(accessDeniedException));
	}

	/**
	 * The detail of a refusal: the message of an {@code AccessDeniedException} raised for the
	 * caller (by an access rule or the application's own code, which word it for them); a generic
	 * one for Spring Security's refusals, whose message says nothing more ("Access Denied").
	 */
	private static String detail(AccessDeniedException refusal) {
		if (refusal instanceof CsrfException) {
			return CSRF;
		}
		if (refusal.getClass() == AccessDeniedException.class && StringUtils.hasText(refusal.getMessage())) {
			return refusal.getMessage();
		}
		return SecurityErrorWriter.FORBIDDEN;
	}

}
