package dev.restless.internal.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Reads request documents into memory, up to a limit: a client must not be able to make the
 * server buffer a body of any size. The limit is checked against the declared
 * {@code Content-Length} before anything is read, and while reading a body of undeclared length.
 * A body is read as sent: one with a {@code Content-Encoding} (such as {@code gzip}) is refused,
 * as nothing here decodes it.
 */
public final class RequestBodyReader {

	private final long maxBytes;

	/**
	 * Create a reader.
	 * @param maxBytes the largest body accepted, in bytes
	 */
	public RequestBodyReader(long maxBytes) {
		if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
			throw new IllegalArgumentException("The largest request body must be between 1 byte and 2 GB, not " + maxBytes);
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * Read the body of a request.
	 * @param request the request
	 * @return the body, empty when there is none
	 * @throws JsonApiException {@code 415} when the body has a content coding, {@code 413} when it
	 * is larger than the limit, {@code 400} when it cannot be read
	 */
	public byte[] read(HttpServletRequest request) {
		checkContentEncoding(request);
		if (request.getContentLengthLong() > this.maxBytes) {
			throw tooLarge();
		}
		byte[] body;
		try {
			body = request.getInputStream().readNBytes((int) this.maxBytes + 1);
		}
		catch (IOException ex) {
			throw JsonApiException.badDocument(null, "The request body could not be read");
		}
		if (body.length > this.maxBytes) {
			throw tooLarge();
		}
		return body;
	}

	/**
	 * Refuse a body with a content coding other than {@code identity}: read as it is, a compressed
	 * document would be parsed as garbage, or worse, a body that happens to parse would be taken
	 * for what the client did not mean. RFC 9110 (section 12.5.3) asks for {@code 415} with an
	 * {@code Accept-Encoding} that names the codings accepted.
	 */
	private static void checkContentEncoding(HttpServletRequest request) {
		List<String> values = Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING));
		for (String value : values) {
			for (String coding : value.split(",")) {
				String trimmed = coding.trim().toLowerCase(Locale.ROOT);
				if (!trimmed.isEmpty() && !trimmed.equals("identity")) {
					throw new JsonApiException(415,
							List.of(ErrorObject.atHeader(415, "Unsupported content encoding", "Content-Encoding '"
									+ coding.trim() + "' is not supported: send the request body uncompressed",
									HttpHeaders.CONTENT_ENCODING)),
							Map.of(HttpHeaders.ACCEPT_ENCODING, "identity"));
				}
			}
		}
	}

	private JsonApiException tooLarge() {
		return new JsonApiException(ErrorObject.of(413, "Request body too large",
				"The request body is larger than the limit of " + this.maxBytes + " bytes"));
	}

}
