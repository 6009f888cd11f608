package dev.restless.internal.web;

import dev.restless.internal.service.AtomicOperationsHandler;
import dev.restless.internal.service.JsonApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.restless.ProcessingException;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The HTTP face of the Atomic Operations extension: {@code POST {base-path}/operations}, with the
 * extension negotiated in {@code Content-Type} and {@code Accept}. Once negotiated, every response
 * carries the extension in its {@code Content-Type}.
 */
@RestController
@RequestMapping("${restless.base-path:/api}")
public class AtomicOperationsController {

	private static final Log logger = LogFactory.getLog(AtomicOperationsController.class);

	private static final String NEGOTIATED = AtomicOperationsController.class.getName() + ".negotiated";

	private final AtomicOperationsHandler handler;

	private final ContentNegotiation negotiation;

	private final ObjectMapper mapper;

	private final RequestBodyReader bodies;

	private final ResponseWriter responses;

	/**
	 * Create the controller.
	 * @param handler executes the operations
	 * @param negotiation the content negotiation rules
	 * @param mapper writes documents
	 * @param bodies reads request documents, up to the configured size
	 */
	public AtomicOperationsController(AtomicOperationsHandler handler, ContentNegotiation negotiation,
			ObjectMapper mapper, RequestBodyReader bodies) {
		this.handler = handler;
		this.negotiation = negotiation;
		this.mapper = mapper;
		this.bodies = bodies;
		this.responses = new ResponseWriter(mapper);
	}

	/**
	 * {@code /operations}: POST executes the operations of the request document atomically.
	 * @param request the request
	 * @param response the servlet response
	 * @throws IOException when the request body cannot be read
	 */
	@RequestMapping("/operations")
	public void operations(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!request.getMethod().equals("POST")) {
			throw new JsonApiException(405,
					List.of(ErrorObject.of(405, "Method not allowed",
							"Atomic operations are sent with POST, not " + request.getMethod())),
					Map.of(HttpHeaders.ALLOW, "POST"));
		}
		this.negotiation.checkAtomicAccept(request.getHeader(HttpHeaders.ACCEPT));
		this.negotiation.checkAtomicContentType(request.getContentType());
		request.setAttribute(NEGOTIATED, Boolean.TRUE);
		// Read here rather than bound by Spring MVC, so that the media type is checked first.
		byte[] body = this.bodies.read(request);
		write(this.handler.execute(body, request), request, response);
	}

	private void write(JsonApiResponse result, HttpServletRequest request, HttpServletResponse response) {
		MediaType mediaType = (request.getAttribute(NEGOTIATED) != null) ? ContentNegotiation.JSON_API_ATOMIC
				: ContentNegotiation.JSON_API;
		this.responses.write(result, mediaType, response);
	}

	/**
	 * A JSON:API error response.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(JsonApiException.class)
	public void handleJsonApiException(JsonApiException ex, HttpServletRequest request, HttpServletResponse response) {
		write(new JsonApiResponse(ex.status(), errorDocument(ex.errors()), ex.headers()), request, response);
	}

	/**
	 * The error a processor raised outside any operation.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(ProcessingException.class)
	public void handleProcessingException(ProcessingException ex, HttpServletRequest request,
			HttpServletResponse response) {
		ErrorObject error = ErrorObject.of(ex.status(), ex.title(), ex.detail());
		write(new JsonApiResponse(ex.status(), errorDocument(List.of(error)), Map.of()), request, response);
	}

	/**
	 * The client closed the connection before the response was written: there is nobody left to
	 * answer, and nothing failed on the server, so nothing is written or logged.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	public void handleClientGone() {
	}

	/**
	 * Anything unexpected: a generic {@code 500} and one log line, never a stack trace or SQL in the
	 * response. The operations were rolled back.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(Exception.class)
	public void handleUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		logger.error("Unexpected failure handling " + request.getMethod() + " " + request.getRequestURI() + ": " + ex);
		if (logger.isDebugEnabled()) {
			logger.debug("Stack trace of the unexpected failure", ex);
		}
		ErrorObject error = ErrorObject.of(500, "Internal server error",
				"The operations could not be completed because of an unexpected error; none of them was applied");
		write(new JsonApiResponse(500, errorDocument(List.of(error)), Map.of()), request, response);
	}

	private ObjectNode errorDocument(List<ErrorObject> errors) {
		return ErrorDocuments.of(this.mapper, errors);
	}

}
