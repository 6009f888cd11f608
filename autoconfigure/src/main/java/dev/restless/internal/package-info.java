/**
 * The implementation of Restless, in layers: {@code web} above {@code service}, above
 * {@code document}, {@code persistence}, {@code query} and {@code precondition}, above
 * {@code graph}, {@code error} and {@code metamodel}; a package uses only the layers below its own.
 * Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal;

import org.jspecify.annotations.NullMarked;
