package dev.restless.internal.web;

import java.util.function.Supplier;

import dev.restless.internal.service.IdempotentWrites;
import dev.restless.internal.service.JsonApiResponse;
import dev.restless.internal.service.JsonApiService;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Hands a write and what identifies its request (the {@code Idempotency-Key} header, the method,
 * the target and the body) to the service, which runs it at most once per key.
 */
final class IdempotentRequests {

	private IdempotentRequests() {
	}

	/**
	 * Run a write, at most once for the request's idempotency key when it has one.
	 * @param service the service layer
	 * @param request the request
	 * @param body its body, already read (empty for none)
	 * @param write the write
	 * @return the response
	 */
	static JsonApiResponse execute(JsonApiService service, HttpServletRequest request, byte[] body,
			Supplier<JsonApiResponse> write) {
		String query = request.getQueryString();
		String target = (query != null) ? request.getRequestURI() + "?" + query : request.getRequestURI();
		return service.idempotentWrites()
			.execute(request.getHeader(IdempotentWrites.HEADER), request.getMethod(), target, body,
					request.getRemoteUser(), write);
	}

}
