package dev.restless.internal.idempotency;

/**
 * The result of claiming a key: the key is this request's ({@link Claim}), or another request
 * holds it ({@link KeyRecord}).
 */
public sealed interface ClaimResult permits Claim, KeyRecord {
}
