package dev.restless.internal.web;

import java.io.IOException;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads request documents into memory, up to a limit: a client must not be able to make the
 * server buffer a body of any size. The limit is checked against the declared
 * {@code Content-Length} before anything is read, and while reading a body of undeclared length.
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
	 * @throws JsonApiException {@code 413} when the body is larger than the limit, {@code 400}
	 * when it cannot be read
	 */
	public byte[] read(HttpServletRequest request) {
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

	private JsonApiException tooLarge() {
		return new JsonApiException(ErrorObject.of(413, "Request body too large",
				"The request body is larger than the limit of " + this.maxBytes + " bytes"));
	}

}
