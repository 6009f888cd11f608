/**
 * What Restless tells the people who run it: the start-up report of the exposed resources, the
 * failure analyses of configuration errors, the Actuator endpoint and the tags of request
 * metrics. Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.diagnostics;

import org.jspecify.annotations.NullMarked;
