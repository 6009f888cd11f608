package dev.restless.internal.document;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The URLs of the request being answered, as its documents link to them: the API's own URLs, the
 * request's URL, and the request's URL with some query parameters replaced (for pagination).
 * The web layer implements it from the servlet request; everything below it stays free of HTTP.
 */
public interface RequestLinks {

	/** @return the URLs of the API's resources */
	ApiUrls api();

	/** @return the URL of the request, with its query string */
	String self();

	/**
	 * The URL of the request with query parameters replaced.
	 * @param replacements the parameters to set; a {@code null} value removes the parameter
	 * @return the URL
	 */
	String withParameters(Map<String, @Nullable String> replacements);

}
