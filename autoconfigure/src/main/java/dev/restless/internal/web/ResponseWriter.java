package dev.restless.internal.web;

import dev.restless.internal.service.JsonApiResponse;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes a {@link JsonApiResponse} straight to the servlet response. Restless's documents never
 * pass through the application's HTTP message converters: the application owns their order, and a
 * JSON converter placed before Spring's byte-array converter (where {@code addCustomConverter} and
 * converter beans put it) would write a document's bytes as a base64 string.
 */
final class ResponseWriter {

	private static final Log logger = LogFactory.getLog(ResponseWriter.class);

	private final ObjectMapper mapper;

	ResponseWriter(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Add {@code Accept} to {@code Vary}, keeping what others put there before (Spring's CORS
	 * processing varies on {@code Origin}, for one).
	 */
	private static void varyOnAccept(HttpServletResponse servletResponse) {
		for (String vary : servletResponse.getHeaders(HttpHeaders.VARY)) {
			for (String name : vary.split(",")) {
				if (name.trim().equalsIgnoreCase(HttpHeaders.ACCEPT) || name.trim().equals("*")) {
					return;
				}
			}
		}
		servletResponse.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
	}

	/**
	 * Write a response: its status, its headers with {@code Vary: Accept} (and a {@code Link} header
	 * with the pagination links of a paginated document), and its document, if it
	 * has one, with the media type it names in {@code Content-Type} or else the given one.
	 * @param response the response
	 * @param mediaType the media type of the document when the response names none
	 * @param servletResponse where to write it
	 */
	void write(JsonApiResponse response, MediaType mediaType, HttpServletResponse servletResponse) {
		// Serialised before anything is set on the response, so that a failure here leaves the
		// response clean for the error that reports it.
		BodyBuffer body = null;
		if (response.document() != null) {
			body = BodyBuffer.forThisThread();
			try {
				this.mapper.writeValue(body, response.document());
			}
			catch (RuntimeException ex) {
				body.release();
				throw ex;
			}
		}
		servletResponse.setStatus(response.status());
		String contentType = mediaType.toString();
		for (Map.Entry<String, String> header : response.headers().entrySet()) {
			if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
				contentType = header.getValue();
			}
			else {
				servletResponse.setHeader(header.getKey(), header.getValue());
			}
		}
		String pagination = PaginationLinkHeader.of(response.document());
		if (pagination != null && !response.headers().containsKey(HttpHeaders.LINK)) {
			servletResponse.setHeader(HttpHeaders.LINK, pagination);
		}
		varyOnAccept(servletResponse);
		if (body == null) {
			return;
		}
		servletResponse.setContentType(contentType);
		servletResponse.setContentLength(body.size());
		try {
			body.writeTo(servletResponse.getOutputStream());
		}
		catch (IOException ex) {
			// The client closed the connection: nobody is left to answer, and nothing failed here.
			logger.debug("The client went away before the response was written", ex);
		}
		finally {
			body.release();
		}
	}

}
