package dev.restless.internal.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.document.ErrorDocuments;
import dev.restless.internal.error.ErrorObject;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for the requests it refuses before any servlet sees them (an encoded
 * {@code /} or a NUL in the path, {@code ..} above the root, a request line or headers over the
 * size limit): a JSON:API error document where the request was addressed to the API, the
 * container's usual page everywhere else. Without it, a JSON:API client would get an HTML page for
 * these requests.
 */
public final class JsonApiErrorReportValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(JsonApiErrorReportValve.class);

	private final String apiPath;

	private final ObjectMapper mapper;

	/**
	 * Create the valve.
	 * @param apiPath the path of the API from the server root: the context path and the base path
	 * @param mapper writes the error documents
	 */
	public JsonApiErrorReportValve(String apiPath, ObjectMapper mapper) {
		this.apiPath = ApiUrls.withoutTrailingSlash(apiPath);
		this.mapper = mapper;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !addressedToTheApi(requestUri(request, throwable))) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		ErrorObject error = (status == 400)
				? ErrorObject.of(400, "Invalid request URL", "The server cannot read the request's URL or headers: "
						+ "they hold an encoded '/' or '\\', a NUL or control character, or '..' above the root, "
						+ "or they are longer than it allows")
				: ErrorObject.of(status, title(status), "The server refused the request before reading it");
		if (status == 405) {
			response.setHeader(HttpHeaders.ALLOW, JsonApiErrorPageFilter.API_METHODS);
		}
		byte[] body = this.mapper.writeValueAsBytes(ErrorDocuments.of(this.mapper, List.of(error)));
		try {
			response.setContentType(ContentNegotiation.JSON_API.toString());
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("The error document of a refused request could not be written", ex);
		}
	}

	/**
	 * The URI a request was sent to. A request line that holds bytes no request target may hold (a
	 * NUL, a DEL, a byte above {@code 0x7F}) is refused while it is parsed, before the request has a
	 * URI: the target is then read back from the container's message, which quotes it with such
	 * bytes written as {@code 0xNN}.
	 */
	private static @Nullable String requestUri(Request request, @Nullable Throwable throwable) {
		String uri = request.getRequestURI();
		if ((uri == null || uri.isEmpty()) && throwable instanceof IllegalArgumentException
				&& throwable.getMessage() != null) {
			return InvalidTargetMessage.target(throwable.getMessage());
		}
		return uri;
	}

	/**
	 * The message of Tomcat's parser for an invalid request target, in the language of the server,
	 * which the target is read back from.
	 */
	private static final class InvalidTargetMessage {

		private static final String MARK = "\u0000target\u0000";

		private static final @Nullable String[] AROUND = around();

		private static @Nullable String[] around() {
			try {
				String message = StringManager.getManager("org.apache.coyote.http11")
					.getString("iib.invalidRequestTarget", MARK);
				int at = message.indexOf(MARK);
				return (at >= 0) ? new String[] { message.substring(0, at), message.substring(at + MARK.length()) }
						: new String[] { null, null };
			}
			catch (RuntimeException ex) {
				return new String[] { null, null };
			}
		}

		static @Nullable String target(String message) {
			String before = AROUND[0];
			String after = AROUND[1];
			if (before == null || after == null || !message.startsWith(before) || !message.endsWith(after)
					|| message.length() < before.length() + after.length()) {
				return null;
			}
			return message.substring(before.length(), message.length() - after.length());
		}

	}

	/**
	 * @param status an HTTP status
	 * @return the title of its error objects: its reason phrase, capitalised as a sentence
	 */
	public static String title(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null) {
			return "Error";
		}
		String phrase = known.getReasonPhrase();
		return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
	}

	/**
	 * @param uri the request URI as sent
	 * @return whether it is the API path or under it
	 */
	boolean addressedToTheApi(@Nullable String uri) {
		if (uri == null || uri.isEmpty()) {
			return false;
		}
		return this.apiPath.isEmpty() || uri.equals(this.apiPath) || uri.startsWith(this.apiPath + "/");
	}

}
