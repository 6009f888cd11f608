package dev.restless.internal.web.security;

import dev.restless.internal.document.ApiUrls;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests addressed to the API: its path (the dispatcher servlet's path and the base path,
 * within the request's context path) and everything under it.
 */
public final class ApiRequestMatcher implements RequestMatcher {

	/** The path of the Atomic Operations endpoint under the API path. */
	private static final String OPERATIONS = "/operations";

	private final String apiPath;

	/**
	 * Create the matcher.
	 * @param apiPath the path of the API within the application: the dispatcher servlet's path and
	 * the base path
	 */
	public ApiRequestMatcher(String apiPath) {
		this.apiPath = ApiUrls.withoutTrailingSlash(apiPath);
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		String path = pathInApplication(request);
		return this.apiPath.isEmpty() || path.equals(this.apiPath) || path.startsWith(this.apiPath + "/");
	}

	/**
	 * @param request an API request
	 * @return whether it is addressed to the Atomic Operations endpoint, whose errors carry the
	 * extension in their media type
	 */
	boolean atomic(HttpServletRequest request) {
		String path = pathInApplication(request);
		return path.equals(this.apiPath + OPERATIONS) || path.equals(this.apiPath + OPERATIONS + "/");
	}

	private static String pathInApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return (!context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	@Override
	public String toString() {
		return "API requests under '" + this.apiPath + "'";
	}

}
