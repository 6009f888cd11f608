package dev.restless.internal.web.security;

import java.io.IOException;
import java.util.List;

import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.web.ContentNegotiation;
import dev.restless.internal.web.JsonApiErrorReportValve;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes the JSON:API error document of an API request that Spring Security refused, in place of
 * any body, keeping the headers already set (such as {@code WWW-Authenticate}). The media type is
 * the Atomic Operations one for the operations endpoint.
 */
public final class SecurityErrorWriter {

	/** The detail of a refusal for lack of authentication. */
	static final String UNAUTHENTICATED = "This request needs authentication: send valid credentials";

	/** The detail of a refusal of an authenticated caller. */
	static final String FORBIDDEN = "The caller may not perform this request";

	private final ApiRequestMatcher apiRequests;

	private final ObjectMapper mapper;

	/**
	 * Create the writer.
	 * @param apiRequests tells the API requests, and the atomic ones among them
	 * @param mapper writes the documents
	 */
	public SecurityErrorWriter(ApiRequestMatcher apiRequests, ObjectMapper mapper) {
		this.apiRequests = apiRequests;
		this.mapper = mapper;
	}

	/** @return the requests this writer answers */
	ApiRequestMatcher apiRequests() {
		return this.apiRequests;
	}

	/**
	 * Write an error document with the default detail of its status.
	 * @param request the request
	 * @param response the response, not committed
	 * @param status the status, {@code 401} or {@code 403}
	 * @throws IOException when the client went away
	 */
	void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
		write(request, response, status, (status == 401) ? UNAUTHENTICATED : FORBIDDEN);
	}

	/**
	 * Write an error document.
	 * @param request the request
	 * @param response the response, not committed
	 * @param status the status
	 * @param detail the detail of the error
	 * @throws IOException when the client went away
	 */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
			throws IOException {
		ErrorObject error = ErrorObject.of(status, JsonApiErrorReportValve.title(status), detail);
		byte[] body = this.mapper.writeValueAsBytes(ErrorDocuments.of(this.mapper, List.of(error)));
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType((this.apiRequests.atomic(request) ? ContentNegotiation.JSON_API_ATOMIC
				: ContentNegotiation.JSON_API).toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

}
