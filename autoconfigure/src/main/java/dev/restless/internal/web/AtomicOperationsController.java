package dev.restless.internal.web;

import java.util.List;
import java.util.Map;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.service.JsonApiService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP face of the Atomic Operations extension: {@code POST {base-path}/operations}, with the
 * extension negotiated in {@code Content-Type} and {@code Accept}. Once negotiated, every response
 * carries the extension in its {@code Content-Type} (errors too, through
 * {@link JsonApiExceptionHandler}).
 */
@RestController
@RequestMapping("${restless.base-path:/api}")
public class AtomicOperationsController {

	/** The request attribute set once the extension is negotiated. */
	static final String NEGOTIATED = AtomicOperationsController.class.getName() + ".negotiated";

	private final JsonApiService service;

	private final ContentNegotiation negotiation;

	private final RequestBodyReader bodies;

	private final RequestContexts contexts;

	private final ResponseWriter responses;

	/**
	 * Create the controller.
	 * @param service the service layer
	 * @param negotiation the content negotiation rules
	 * @param mapper writes documents
	 * @param bodies reads request documents, up to the configured size
	 * @param basePath the base path of the API
	 */
	public AtomicOperationsController(JsonApiService service, ContentNegotiation negotiation, ObjectMapper mapper,
			RequestBodyReader bodies, String basePath) {
		this.service = service;
		this.negotiation = negotiation;
		this.bodies = bodies;
		this.contexts = new RequestContexts(basePath);
		this.responses = new ResponseWriter(mapper);
	}

	/**
	 * {@code POST /operations}: every operation in order, in one transaction.
	 * @param request the request
	 * @param response the servlet response
	 */
	@RequestMapping("/operations")
	public void operations(HttpServletRequest request, HttpServletResponse response) {
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
		this.responses.write(IdempotentRequests.execute(this.service, request, body,
				() -> this.service.atomic().execute(body, this.contexts.of(request))),
				ContentNegotiation.JSON_API_ATOMIC, response);
	}

}
