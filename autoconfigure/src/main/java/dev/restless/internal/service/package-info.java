/**
 * The service layer, free of HTTP: reads, writes and relationship changes of resources, the Atomic
 * Operations executor, transactions, Bean Validation, the rules of what a request may do
 * ({@code OperationRules}) and the pre- and postprocessor chain. Its results
 * ({@code JsonApiResponse}) are written by the web layer. Not public API: it may change without
 * notice.
 */
@NullMarked
package dev.restless.internal.service;

import org.jspecify.annotations.NullMarked;
