package dev.restless.internal.query;

import org.jspecify.annotations.Nullable;

/**
 * One function asked of the eval endpoint.
 *
 * @param function the function
 * @param field the field it is computed over, or {@code null} for {@code count} of rows
 */
public record FunctionCall(AggregateFunction function, @Nullable QueryField field) {
}
