package dev.restless.sample.readme;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A curl command line as the README writes it, read the way a POSIX shell and curl would: single
 * and double quotes, backslash line continuations, a trailing {@code # comment}, and the options
 * the examples use ({@code -X}, {@code -H}, {@code -d}, {@code -G} with {@code --data-urlencode},
 * {@code -u}, {@code -i}, {@code -g}, {@code -s}). An option it does not know fails the example,
 * so nothing a reader would send is silently left out.
 *
 * @param method the HTTP method
 * @param url the URL, with the query curl would send
 * @param headers the request headers
 * @param body the request body, or {@code null}
 * @param comment the comment after the command, or {@code null}
 */
record CurlCommand(String method, String url, Map<String, String> headers, String body, String comment) {

	/**
	 * Read a command.
	 * @param text the command, from {@code curl} to its end, possibly over several lines
	 * @return the command
	 */
	static CurlCommand parse(String text) {
		Words words = words(text);
		List<String> tokens = words.tokens();
		if (tokens.isEmpty() || !tokens.get(0).equals("curl")) {
			throw new IllegalArgumentException("Not a curl command: " + text);
		}
		String method = null;
		String url = null;
		boolean get = false;
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> data = new ArrayList<>();
		List<String> encodedData = new ArrayList<>();
		for (int index = 1; index < tokens.size(); index++) {
			String token = tokens.get(index);
			switch (token) {
				case "-i", "-g", "-s", "-S", "-v", "--globoff", "--include", "--silent" -> {
				}
				case "-G", "--get" -> get = true;
				case "-X", "--request" -> method = tokens.get(++index);
				case "-H", "--header" -> {
					String header = tokens.get(++index);
					int colon = header.indexOf(':');
					headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
				}
				case "-d", "--data", "--data-raw", "--data-binary" -> data.add(tokens.get(++index));
				case "--data-urlencode" -> encodedData.add(urlEncoded(tokens.get(++index)));
				case "-u", "--user" -> headers.put("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(tokens.get(++index).getBytes(StandardCharsets.UTF_8)));
				default -> {
					if (token.startsWith("-")) {
						throw new IllegalArgumentException("Unknown curl option " + token + " in: " + text);
					}
					url = token;
				}
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("No URL in: " + text);
		}
		if (!url.contains("://")) {
			url = "http://" + url;
		}
		List<String> all = new ArrayList<>(data);
		all.addAll(encodedData);
		String body = null;
		if (get) {
			if (!all.isEmpty()) {
				url = url + (url.contains("?") ? "&" : "?") + String.join("&", all);
			}
		}
		else if (!all.isEmpty()) {
			body = String.join("&", all);
			if (!headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase)) {
				// what curl sends with -d unless told otherwise
				headers.put("Content-Type", "application/x-www-form-urlencoded");
			}
		}
		if (method == null) {
			method = (body != null) ? "POST" : "GET";
		}
		return new CurlCommand(method, url, headers, body, words.comment());
	}

	/** {@code name=value} as curl's {@code --data-urlencode} sends it: the value percent-encoded. */
	private static String urlEncoded(String item) {
		int equals = item.indexOf('=');
		String name = (equals >= 0) ? item.substring(0, equals) : "";
		String value = (equals >= 0) ? item.substring(equals + 1) : item;
		return name + ((equals >= 0) ? "=" : "") + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * The words of a shell command and its comment.
	 * @param tokens the words, quotes removed
	 * @param comment the text after an unquoted {@code #} that starts a word, or {@code null}
	 */
	record Words(List<String> tokens, String comment) {
	}

	/**
	 * Split a command into words as a POSIX shell does.
	 * @param text the command
	 * @return the words and the comment
	 */
	static Words words(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = null;
		int index = 0;
		while (index < text.length()) {
			char character = text.charAt(index);
			if (character == '\\' && index + 1 < text.length() && text.charAt(index + 1) == '\n') {
				index += 2;
				continue;
			}
			if (Character.isWhitespace(character)) {
				if (current != null) {
					tokens.add(current.toString());
					current = null;
				}
				index++;
				continue;
			}
			if (character == '#' && current == null) {
				int end = text.indexOf('\n', index);
				String comment = text.substring(index + 1, (end < 0) ? text.length() : end).trim();
				return new Words(tokens, comment);
			}
			if (current == null) {
				current = new StringBuilder();
			}
			if (character == '\'') {
				int end = text.indexOf('\'', index + 1);
				if (end < 0) {
					throw new IllegalArgumentException("Unbalanced ' in: " + text);
				}
				current.append(text, index + 1, end);
				index = end + 1;
			}
			else if (character == '"') {
				index++;
				while (index < text.length() && text.charAt(index) != '"') {
					if (text.charAt(index) == '\\' && index + 1 < text.length()
							&& "\"\\$`".indexOf(text.charAt(index + 1)) >= 0) {
						index++;
					}
					current.append(text.charAt(index++));
				}
				if (index >= text.length()) {
					throw new IllegalArgumentException("Unbalanced \" in: " + text);
				}
				index++;
			}
			else if (character == '\\' && index + 1 < text.length()) {
				current.append(text.charAt(index + 1));
				index += 2;
			}
			else {
				current.append(character);
				index++;
			}
		}
		if (current != null) {
			tokens.add(current.toString());
		}
		return new Words(tokens, null);
	}

	/**
	 * Whether a command is complete: its quotes are balanced and its last line does not continue.
	 * @param text the command so far
	 * @return whether a shell would run it as it is
	 */
	static boolean isComplete(String text) {
		boolean single = false;
		boolean dbl = false;
		for (int index = 0; index < text.length(); index++) {
			char character = text.charAt(index);
			if (character == '\\' && !single && index + 1 < text.length()) {
				index++;
			}
			else if (character == '\'' && !dbl) {
				single = !single;
			}
			else if (character == '"' && !single) {
				dbl = !dbl;
			}
			else if (character == '#' && !single && !dbl && (index == 0 || Character.isWhitespace(text.charAt(index - 1)))) {
				int end = text.indexOf('\n', index);
				if (end < 0) {
					break;
				}
				index = end;
			}
		}
		return !single && !dbl && !text.stripTrailing().endsWith("\\");
	}

}
