/**
 * Idempotency keys ({@code Idempotency-Key}): the table that records, for each key, the
 * fingerprint of the request that claimed it and the response it got, shared by every instance of
 * the application; the parsing of keys, the fingerprints of requests, and the background purge of
 * expired keys. Free of HTTP: the service layer decides what a client is answered. Not public API:
 * it may change without notice.
 */
@NullMarked
package dev.restless.internal.idempotency;

import org.jspecify.annotations.NullMarked;
