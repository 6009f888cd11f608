/**
 * Optimistic concurrency: entity tags of resources with a JPA {@code @Version}, the preconditions
 * of a write ({@code If-Match}, {@code meta.version}) and their checks inside the write's
 * transaction. Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.precondition;

import org.jspecify.annotations.NullMarked;
