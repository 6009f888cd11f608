/**
 * Spring Security behind the service layer's seams: the access rules evaluated as Spring Security
 * expressions, field visibility, and the row scopes of {@link dev.restless.security.RowScope}
 * beans. Loaded only when Spring Security is present.
 */
@NullMarked
package dev.restless.internal.security;

import org.jspecify.annotations.NullMarked;
