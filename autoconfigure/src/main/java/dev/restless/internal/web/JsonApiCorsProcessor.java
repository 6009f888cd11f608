package dev.restless.internal.web;

import java.io.IOException;
import java.util.List;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring MVC's CORS processing, unchanged, except that a request to the API that the CORS
 * configuration refuses (an origin, method or header it does not allow) is answered with a
 * JSON:API error document rather than Spring's plain-text {@code Invalid CORS request}: every
 * answer under the base path is a JSON:API document.
 */
public final class JsonApiCorsProcessor extends DefaultCorsProcessor {

	private final String apiPath;

	private final ObjectMapper mapper;

	/**
	 * Create the processor.
	 * @param apiPath the path of the API within the application: the dispatcher servlet's path and
	 * the base path (the context path is the request's)
	 * @param mapper writes the error documents
	 */
	public JsonApiCorsProcessor(String apiPath, ObjectMapper mapper) {
		this.apiPath = ApiUrls.withoutTrailingSlash(apiPath);
		this.mapper = mapper;
	}

	@Override
	public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String api = request.getContextPath() + this.apiPath;
		String path = request.getRequestURI();
		boolean toTheApi = api.isEmpty() || path.equals(api) || path.startsWith(api + "/");
		return super.processRequest(config, request, toTheApi ? new ApiResponse(response) : response);
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (!(response instanceof ServletServerHttpResponse servlet
				&& servlet.getServletResponse() instanceof ApiResponse api)) {
			super.rejectRequest(response);
			return;
		}
		ErrorObject error = ErrorObject.of(403, "Cross-origin request refused",
				"The CORS configuration of this API does not allow this origin, method or header");
		byte[] body = this.mapper.writeValueAsBytes(ErrorDocuments.of(this.mapper, List.of(error)));
		HttpServletResponse target = (HttpServletResponse) api.getResponse();
		target.setStatus(403);
		target.setContentType(ContentNegotiation.JSON_API.toString());
		target.setContentLength(body.length);
		target.getOutputStream().write(body);
		target.flushBuffer();
	}

	/** Marks the response of a request to the API, for {@link #rejectRequest}, which sees only it. */
	private static final class ApiResponse extends HttpServletResponseWrapper {

		ApiResponse(HttpServletResponse response) {
			super(response);
		}

	}

}
