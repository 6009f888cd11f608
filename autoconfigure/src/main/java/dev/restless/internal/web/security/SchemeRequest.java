package dev.restless.internal.web.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * An API request as the application's authentication entry point sees it: a client that accepts
 * any media type. Spring Security chooses among the entry points of a chain by the media types a
 * request accepts, and none of them knows JSON:API's; seen this way, the entry point of a scheme
 * that challenges clients (HTTP Basic's {@code WWW-Authenticate}) answers, not the login page
 * meant for browsers.
 */
final class SchemeRequest extends HttpServletRequestWrapper {

	private static final String ANY = "*/*";

	SchemeRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public @Nullable String getHeader(String name) {
		return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? ANY : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(ANY))
				: super.getHeaders(name);
	}

}
