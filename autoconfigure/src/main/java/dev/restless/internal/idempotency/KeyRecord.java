package dev.restless.internal.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * What the table holds for a key another request claimed.
 *
 * @param fingerprint the fingerprint of the request that claimed the key
 * @param response the response it got, or {@code null} while it is still in flight
 */
public record KeyRecord(String fingerprint, @Nullable StoredResponse response) implements ClaimResult {
}
