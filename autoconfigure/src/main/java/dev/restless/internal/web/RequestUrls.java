package dev.restless.internal.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.document.RequestLinks;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The absolute URLs of one request: the API base, the request itself, and the request with other
 * page parameters (for pagination links that keep the other query parameters).
 */
final class RequestUrls implements RequestLinks {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final HttpServletRequest request;

	private final String origin;

	private final ApiUrls api;

	RequestUrls(HttpServletRequest request, String basePath) {
		this.request = request;
		this.origin = origin(request);
		this.api = new ApiUrls(this.origin + request.getContextPath() + servletPrefix(request) + basePath);
	}

	/**
	 * The path the dispatcher servlet is mapped under ({@code spring.mvc.servlet.path}), empty when
	 * it is mapped to {@code /}: a servlet mapped by path prefix ({@code /x/*}) has the rest of the
	 * path as path info, one mapped to {@code /} has the whole path as its servlet path.
	 */
	private static String servletPrefix(HttpServletRequest request) {
		return (request.getPathInfo() != null) ? request.getServletPath() : "";
	}

	/**
	 * Scheme, host and port as the request reached the server. Behind a proxy, Spring's
	 * {@code ForwardedHeaderFilter} (or {@code server.forward-headers-strategy}) makes the request
	 * report the client-facing ones. Built by hand: it is needed for every response.
	 */
	static String origin(HttpServletRequest request) {
		String scheme = request.getScheme();
		String host = request.getServerName();
		int port = request.getServerPort();
		StringBuilder origin = new StringBuilder(64).append(scheme).append("://");
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			origin.append('[').append(host).append(']');
		}
		else {
			origin.append(host);
		}
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		if (port > 0 && !defaultPort) {
			origin.append(':').append(port);
		}
		return origin.toString();
	}

	@Override
	public ApiUrls api() {
		return this.api;
	}

	/**
	 * The URL of the request, with its query string as the client sent it except for the
	 * characters a URI cannot hold there (such as {@code [} and {@code ]}), which are
	 * percent-encoded.
	 */
	@Override
	public String self() {
		String query = this.request.getQueryString();
		return requestUrl() + ((query != null && !query.isEmpty()) ? "?" + uriQuery(query) : "");
	}

	/**
	 * The URL of the request with some query parameters replaced (encoded names and values are kept
	 * as the client sent them, with the characters a URI query cannot hold percent-encoded).
	 * @param replacements decoded parameter names and their new values, in the order to append them
	 * (a {@code null} value removes the parameter)
	 * @return the URL
	 */
	@Override
	public String withParameters(Map<String, @Nullable String> replacements) {
		List<String> pairs = new ArrayList<>();
		String query = this.request.getQueryString();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
				if (!replacements.containsKey(name)) {
					pairs.add(uriQuery(pair));
				}
			}
		}
		replacements.forEach((name, value) -> {
			if (value != null) {
				pairs.add(encode(name) + "=" + encode(value));
			}
		});
		return requestUrl() + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	private String requestUrl() {
		return this.origin + this.request.getRequestURI();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * A raw query string with every character that RFC 3986 does not allow in a query
	 * percent-encoded: servers accept some of them ({@code [}, {@code ]}, {@code |}, …) from
	 * clients, but a link echoing them would not be a URI. Escapes already in the text are kept, so
	 * a query that is valid comes back unchanged.
	 * @param query the raw query string
	 * @return the query as a URI may hold it
	 */
	static String uriQuery(String query) {
		StringBuilder encoded = null;
		for (int index = 0; index < query.length(); index++) {
			char character = query.charAt(index);
			boolean allowed = isQueryCharacter(character)
					|| (character == '%' && index + 2 < query.length() && isHex(query.charAt(index + 1))
							&& isHex(query.charAt(index + 2)));
			if (allowed) {
				if (encoded != null) {
					encoded.append(character);
				}
				continue;
			}
			if (encoded == null) {
				encoded = new StringBuilder(query.length() + 16).append(query, 0, index);
			}
			int codePoint = query.codePointAt(index);
			for (byte octet : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
				encoded.append('%').append(HEX[(octet >> 4) & 0xF]).append(HEX[octet & 0xF]);
			}
			index += Character.charCount(codePoint) - 1;
		}
		return (encoded != null) ? encoded.toString() : query;
	}

	/** Unreserved, sub-delims, {@code :}, {@code @}, {@code /} and {@code ?} (RFC 3986, 3.4). */
	private static boolean isQueryCharacter(char character) {
		return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
				|| (character >= '0' && character <= '9') || "-._~!$&'()*+,;=:@/?".indexOf(character) >= 0;
	}

	private static boolean isHex(char character) {
		return Character.digit(character, 16) >= 0 && character < 128;
	}

}
