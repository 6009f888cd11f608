package dev.restless.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.restless.ProcessingException;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.service.JsonApiResponse;
import dev.restless.internal.service.JsonApiService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The one error handler of Restless's endpoints: every failure becomes a JSON:API error document,
 * with the Atomic Operations extension in its media type once an atomic request negotiated it. An
 * unexpected failure is a generic {@code 500} and one log line, never a stack trace or SQL in the
 * response; a fault of the database met outside Restless's transactions (in a processor, say) is
 * the {@code 503} it would have been inside them.
 */
@RestControllerAdvice(assignableTypes = { JsonApiController.class, AtomicOperationsController.class })
public class JsonApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(JsonApiExceptionHandler.class);

	private final ObjectMapper mapper;

	private final ResponseWriter responses;

	/**
	 * Create the handler.
	 * @param mapper writes error documents
	 */
	public JsonApiExceptionHandler(ObjectMapper mapper) {
		this.mapper = mapper;
		this.responses = new ResponseWriter(mapper);
	}

	/**
	 * A JSON:API error response.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(JsonApiException.class)
	public void handleJsonApiException(JsonApiException ex, HttpServletRequest request, HttpServletResponse response) {
		write(ex.status(), ex.errors(), ex.headers(), request, response);
	}

	/**
	 * The error a processor raised.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(ProcessingException.class)
	public void handleProcessingException(ProcessingException ex, HttpServletRequest request,
			HttpServletResponse response) {
		write(ex.status(), List.of(ErrorObject.of(ex.status(), ex.title(), ex.detail())), Map.of(), request, response);
	}

	/**
	 * The client closed the connection before the response was written: there is nobody left to
	 * answer, and nothing failed on the server, so nothing is written or logged.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	public void handleClientGone() {
	}

	/**
	 * Anything unexpected: a generic {@code 500} and one log line.
	 * @param ex the error
	 * @param request the request
	 * @param response the servlet response
	 */
	@ExceptionHandler(Exception.class)
	public void handleUnexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		Optional<JsonApiException> fault = JsonApiService.databaseFault(ex);
		if (fault.isPresent()) {
			logger.warn("Database fault handling " + request.getMethod() + " " + request.getRequestURI() + ": " + ex);
			handleJsonApiException(fault.get(), request, response);
			return;
		}
		// One line at error level; the stack trace only when debugging is switched on.
		logger.error("Unexpected failure handling " + request.getMethod() + " " + request.getRequestURI() + ": " + ex);
		if (logger.isDebugEnabled()) {
			logger.debug("Stack trace of the unexpected failure", ex);
		}
		String detail = atomic(request)
				? "The operations could not be completed because of an unexpected error; none of them was applied"
				: "The request could not be completed because of an unexpected error";
		write(500, List.of(ErrorObject.of(500, "Internal server error", detail)), Map.of(), request, response);
	}

	private void write(int status, List<ErrorObject> errors, Map<String, String> headers, HttpServletRequest request,
			HttpServletResponse response) {
		MediaType mediaType = atomic(request) ? ContentNegotiation.JSON_API_ATOMIC : ContentNegotiation.JSON_API;
		this.responses.write(new JsonApiResponse(status, ErrorDocuments.of(this.mapper, errors), headers), mediaType,
				response);
	}

	private static boolean atomic(HttpServletRequest request) {
		return request.getAttribute(AtomicOperationsController.NEGOTIATED) != null;
	}

}
