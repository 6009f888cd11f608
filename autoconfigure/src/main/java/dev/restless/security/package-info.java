/**
 * Securing the API with Spring Security: row scopes per resource ({@link dev.restless.security.RowScope})
 * and the configurer that makes Spring Security answer API requests with JSON:API errors.
 */
@NullMarked
package dev.restless.security;

import org.jspecify.annotations.NullMarked;
