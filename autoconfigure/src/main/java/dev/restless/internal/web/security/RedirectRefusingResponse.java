package dev.restless.internal.web.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as the application's authentication entry point sees it for an API request: a
 * redirect (to a login page) is not followed through, since an API client has no page to show;
 * the request is answered {@code 401} instead.
 */
final class RedirectRefusingResponse extends HttpServletResponseWrapper {

	private static final String LOCATION = "Location";

	RedirectRefusingResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendRedirect(String location) {
	}

	@Override
	public void sendRedirect(String location, int status) {
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) {
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) {
	}

	@Override
	public void setHeader(String name, String value) {
		if (!LOCATION.equalsIgnoreCase(name)) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!LOCATION.equalsIgnoreCase(name)) {
			super.addHeader(name, value);
		}
	}

}
