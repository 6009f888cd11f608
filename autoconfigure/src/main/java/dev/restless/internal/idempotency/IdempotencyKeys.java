package dev.restless.internal.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What an idempotency key is, and what makes two requests the same request.
 * <p>
 * The header's value is a Structured Field string ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"},
 * as the IETF draft writes it); a bare token without the quotes is taken too, as many clients send
 * it. A key is 1 to 255 visible ASCII characters.
 */
public final class IdempotencyKeys {

	/** The longest key, in characters: what the key column holds. */
	public static final int MAX_LENGTH = 255;

	private IdempotencyKeys() {
	}

	/**
	 * The key a header value carries.
	 * @param header the value of the {@code Idempotency-Key} header
	 * @return the key, or empty when the value is not a valid key
	 */
	public static Optional<String> parse(String header) {
		String value = header.strip();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
			if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
				// Escapes inside a Structured Field string are legal but never needed by a key.
				return Optional.empty();
			}
		}
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		for (int index = 0; index < value.length(); index++) {
			char character = value.charAt(index);
			if (character < 0x21 || character > 0x7E) {
				return Optional.empty();
			}
		}
		return Optional.of(value);
	}

	/**
	 * The fingerprint of a request: a SHA-256 digest of its method, its target (path and query) and
	 * its body. A key reused with another fingerprint names another request.
	 * @param method the HTTP method
	 * @param target the request target, path and query as sent
	 * @param body the body, empty when there is none
	 * @return the digest in hexadecimal (64 characters)
	 */
	public static String fingerprint(String method, String target, byte[] body) {
		return fingerprint(method, target, body, null);
	}

	/**
	 * The fingerprint of a request and of its caller: the same key and request sent by another
	 * caller is another request, so no caller is ever given the response recorded for another.
	 * @param method the HTTP method
	 * @param target the request target, path and query as sent
	 * @param body the body, empty when there is none
	 * @param caller the name of the authenticated caller, or {@code null} for an anonymous one
	 * @return the digest in hexadecimal (64 characters)
	 */
	public static String fingerprint(String method, String target, byte[] body, @Nullable String caller) {
		MessageDigest digest = sha256();
		if (caller != null) {
			digest.update(caller.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}
		digest.update(method.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
		digest.update(target.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must implement SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
