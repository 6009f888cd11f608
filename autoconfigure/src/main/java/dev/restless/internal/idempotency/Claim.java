package dev.restless.internal.idempotency;

/**
 * A key this request claimed: the table holds it as in flight, with a token that only this request
 * knows, so that only this request can complete or release it.
 *
 * @param key the idempotency key
 * @param token the token of this claim
 */
public record Claim(String key, String token) implements ClaimResult {
}
