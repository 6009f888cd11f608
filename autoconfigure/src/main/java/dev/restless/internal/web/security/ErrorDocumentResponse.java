package dev.restless.internal.web.security;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response of an API request as Spring Security's components see it: a {@code 401} or
 * {@code 403} they send with {@code sendError} (HTTP Basic refusing bad credentials, the CSRF
 * check, the default access denied handler) is answered at once with a JSON:API error document,
 * keeping the headers they set, rather than handed to the container's error page; one they only
 * set as a status (bearer tokens) gets its document when the chain returns.
 */
final class ErrorDocumentResponse extends HttpServletResponseWrapper {

	private final HttpServletRequest request;

	private final SecurityErrorWriter writer;

	private boolean bodyStarted;

	ErrorDocumentResponse(HttpServletRequest request, HttpServletResponse response, SecurityErrorWriter writer) {
		super(response);
		this.request = request;
		this.writer = writer;
	}

	@Override
	public void sendError(int status) throws IOException {
		sendError(status, null);
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (refusal(status) && !isCommitted()) {
			this.writer.write(this.request, (HttpServletResponse) getResponse(), status);
			return;
		}
		super.sendError(status, message);
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		this.bodyStarted = true;
		return super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		this.bodyStarted = true;
		return super.getWriter();
	}

	/**
	 * Give a refusal that was only set as a status its document.
	 * @throws IOException when the client went away
	 */
	void completeBodilessRefusal() throws IOException {
		if (refusal(getStatus()) && !this.bodyStarted && !isCommitted()) {
			this.writer.write(this.request, (HttpServletResponse) getResponse(), getStatus());
		}
	}

	private static boolean refusal(int status) {
		return status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN;
	}

}
