/**
 * The HTTP layer: the Spring MVC controllers of the resource and Atomic Operations endpoints,
 * JSON:API content negotiation, reading request bodies, writing responses and errors, and the
 * Tomcat error report valve. It reaches the database only through the service layer. Not public
 * API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.web;

import org.jspecify.annotations.NullMarked;
