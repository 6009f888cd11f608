/**
 * Spring Security at the HTTP edge of the API: which requests are API requests, the JSON:API error
 * documents of refused ones (401 and 403, with the headers of the application's authentication
 * scheme), the translation of the security exceptions of API requests, and the propagation of
 * those exceptions from Restless's endpoints to Spring Security. Loaded only when Spring Security
 * is on the classpath. Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.web.security;

import org.jspecify.annotations.NullMarked;
