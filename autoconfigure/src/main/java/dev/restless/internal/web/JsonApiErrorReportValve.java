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
import tools.jackson.databind.ObjectMapper;

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
		if (status < 400 || response.getContentWritten() > 0 || !addressedToTheApi(request.getRequestURI())) {
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

	private static String title(int status) {
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
	boolean addressedToTheApi(String uri) {
		if (uri == null || uri.isEmpty()) {
			return false;
		}
		return this.apiPath.isEmpty() || uri.equals(this.apiPath) || uri.startsWith(this.apiPath + "/");
	}

}
