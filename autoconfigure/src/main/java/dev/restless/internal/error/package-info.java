/**
 * JSON:API error objects and {@link dev.restless.internal.error.JsonApiException}, which carries
 * them from wherever a request fails to the web layer that answers it. Not public API: it may
 * change without notice.
 */
@NullMarked
package dev.restless.internal.error;

import org.jspecify.annotations.NullMarked;
