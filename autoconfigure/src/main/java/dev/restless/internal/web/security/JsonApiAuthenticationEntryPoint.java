package dev.restless.internal.web.security;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Asks an API caller to authenticate: the application's own entry point speaks for its scheme
 * (HTTP Basic sets {@code WWW-Authenticate}, a bearer token scheme its own challenge), seeing the
 * request as a client that accepts anything and never redirecting it; the answer is then a
 * {@code 401} JSON:API error document with the headers the scheme set.
 */
public final class JsonApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final Supplier<@Nullable AuthenticationEntryPoint> scheme;

	private final SecurityErrorWriter writer;

	/**
	 * Create the entry point.
	 * @param scheme the application's entry point, or {@code null} when its chain has none
	 * @param writer writes the error document
	 */
	public JsonApiAuthenticationEntryPoint(Supplier<@Nullable AuthenticationEntryPoint> scheme,
			SecurityErrorWriter writer) {
		this.scheme = scheme;
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		AuthenticationEntryPoint entryPoint = this.scheme.get();
		if (entryPoint != null) {
			entryPoint.commence(new SchemeRequest(request), new RedirectRefusingResponse(response), authException);
		}
		if (!response.isCommitted()) {
			this.writer.write(request, response, HttpServletResponse.SC_UNAUTHORIZED);
		}
	}

}
