/**
 * The public values of a request's query: {@link dev.restless.query.QueryParameters} with its
 * {@link dev.restless.query.Filter}s, {@link dev.restless.query.SortField}s and
 * {@link dev.restless.query.PageParameters}, which preprocessors read and change. Applications
 * declare {@link dev.restless.query.FilterOperator} beans to add or replace filter operators.
 */
@NullMarked
package dev.restless.query;

import org.jspecify.annotations.NullMarked;
