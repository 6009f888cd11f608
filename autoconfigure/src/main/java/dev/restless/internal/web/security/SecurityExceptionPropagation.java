package dev.restless.internal.web.security;

import dev.restless.internal.web.AtomicOperationsController;
import dev.restless.internal.web.JsonApiController;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Lets the security exceptions of Restless's endpoints (an access rule that refuses, a
 * {@code @PreAuthorize} on a repository method) reach Spring Security's exception translation,
 * which answers {@code 401} or {@code 403} as the application's chain decides, rather than
 * Restless's own error handler, which would take them for unexpected failures. Asked before that
 * handler; rethrowing the very exception makes Spring MVC pass it on without logging it.
 */
@RestControllerAdvice(assignableTypes = { JsonApiController.class, AtomicOperationsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityExceptionPropagation {

	/**
	 * Rethrow a security exception.
	 * @param ex the exception
	 */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	public void propagate(RuntimeException ex) {
		throw ex;
	}

}
