package dev.restless.internal.web;

import java.io.IOException;
import java.util.List;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;

/**
 * The application's error page, for the requests to the API that the container refuses and hands
 * to it rather than to an endpoint: a {@code TRACE} (which the container does not serve), a body
 * whose chunked framing is broken, or any other error a component below the endpoints reports with
 * {@code sendError}. Such a request is answered with a JSON:API error document instead of the
 * page (or Spring Boot's {@code {"timestamp": ...}} document) the application shows elsewhere;
 * error dispatches of other requests pass through untouched. Mapped to error dispatches only.
 */
public final class JsonApiErrorPageFilter implements Filter {

	/** The methods some endpoint of the API serves, for the {@code Allow} of a refused method. */
	static final String API_METHODS = "GET, HEAD, POST, PATCH, DELETE, OPTIONS";

	private final String apiPath;

	private final ObjectMapper mapper;

	/**
	 * Create the filter.
	 * @param apiPath the path of the API within the application: the dispatcher servlet's path and
	 * the base path (the context path is the request's)
	 * @param mapper writes the error documents
	 */
	public JsonApiErrorPageFilter(String apiPath, ObjectMapper mapper) {
		this.apiPath = ApiUrls.withoutTrailingSlash(apiPath);
		this.mapper = mapper;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getDispatcherType() == DispatcherType.ERROR && request instanceof HttpServletRequest http
				&& response instanceof HttpServletResponse httpResponse && !response.isCommitted()
				&& request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
				&& status >= 400 && addressedToTheApi(http)) {
			write(http, httpResponse, status);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean addressedToTheApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (!(uri instanceof String path) || path.isEmpty()) {
			return false;
		}
		String api = request.getContextPath() + this.apiPath;
		return api.isEmpty() || path.equals(api) || path.startsWith(api + "/");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
		ErrorObject error;
		if (status == 405) {
			// The container refuses the method before any endpoint sees it (TRACE): no endpoint of
			// the API serves it.
			response.setHeader(HttpHeaders.ALLOW, API_METHODS);
			error = ErrorObject.of(405, "Method not allowed",
					"Method " + request.getMethod() + " is not allowed on this API");
		}
		else if (status == 400) {
			error = ErrorObject.of(400, "Bad request", "The server cannot read the request: its body or its "
					+ "framing is malformed (a broken chunked encoding, for example)");
		}
		else {
			error = ErrorObject.of(status, JsonApiErrorReportValve.title(status),
					"The server refused the request before an endpoint could answer it");
		}
		byte[] body = this.mapper.writeValueAsBytes(ErrorDocuments.of(this.mapper, List.of(error)));
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(ContentNegotiation.JSON_API.toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
