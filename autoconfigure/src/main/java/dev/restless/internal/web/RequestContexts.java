package dev.restless.internal.web;

import java.util.Collections;
import java.util.List;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.precondition.EntityTag;
import dev.restless.internal.query.CursorPagination;
import dev.restless.internal.service.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads what the service needs of a servlet request: its query parameters, its URLs, its
 * conditional headers ({@code 400} when malformed) and whether it accepts the cursor pagination
 * profile.
 */
final class RequestContexts {

	private final String basePath;

	RequestContexts(String basePath) {
		this.basePath = basePath;
	}

	RequestContext of(HttpServletRequest request) {
		RequestContext.Conditions conditions = new RequestContext.Conditions() {

			@Override
			public EntityTag.@Nullable Condition ifMatch() {
				return condition(request, HttpHeaders.IF_MATCH);
			}

			@Override
			public EntityTag.@Nullable Condition ifNoneMatch() {
				return condition(request, HttpHeaders.IF_NONE_MATCH);
			}

		};
		return new RequestContext(request.getParameterMap(), new RequestUrls(request, this.basePath), conditions,
				ContentNegotiation.asksForProfile(request.getHeader(HttpHeaders.ACCEPT), CursorPagination.PROFILE));
	}

	private static EntityTag.@Nullable Condition condition(HttpServletRequest request, String header) {
		List<String> values = Collections.list(request.getHeaders(header));
		if (values.isEmpty()) {
			return null;
		}
		try {
			return EntityTag.parseCondition(String.join(",", values));
		}
		catch (IllegalArgumentException ex) {
			throw new JsonApiException(ErrorObject.atHeader(400, "Invalid header",
					header + " must be * or a list of entity tags in double quotes: " + ex.getMessage(), header));
		}
	}

}
