/**
 * Parses and validates the JSON:API query parameters of a request (filter, sort, page with offset
 * or cursor, include, sparse fieldsets) and the functions of the eval endpoint, with the filter
 * operators by name. Every problem is a {@code 400} naming the parameter. Not public API: it may
 * change without notice.
 */
@NullMarked
package dev.restless.internal.query;

import org.jspecify.annotations.NullMarked;
