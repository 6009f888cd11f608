package dev.restless.internal.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Placed early in a security filter chain, before the CSRF check and the authentication filters:
 * the {@code 401} and {@code 403} that any component of the chain answers an API request with
 * become JSON:API error documents (see {@link ErrorDocumentResponse}). Other requests pass
 * untouched.
 */
public final class JsonApiErrorResponseFilter extends OncePerRequestFilter {

	private final SecurityErrorWriter writer;

	/**
	 * Create the filter.
	 * @param writer writes the error documents, and tells the API requests
	 */
	public JsonApiErrorResponseFilter(SecurityErrorWriter writer) {
		this.writer = writer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.writer.apiRequests().matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ErrorDocumentResponse documented = new ErrorDocumentResponse(request, response, this.writer);
		chain.doFilter(request, documented);
		documented.completeBodilessRefusal();
	}

}
