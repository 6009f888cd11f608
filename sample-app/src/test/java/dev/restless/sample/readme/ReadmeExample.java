package dev.restless.sample.readme;

import java.util.Map;

/**
 * One request of the README and the answer it shows.
 *
 * @param line the line of README.md the command starts on
 * @param section the heading the example stands under
 * @param command the command as written
 * @param status the status the README expects, or {@code null} when it gives none
 * @param headers the response headers the README shows
 * @param body the response document the README shows, or {@code null}
 */
record ReadmeExample(int line, String section, String command, Integer status, Map<String, String> headers,
		String body) {

	/** @return whether the request may change data (any method but GET, HEAD and OPTIONS) */
	boolean changesData() {
		String method = CurlCommand.parse(this.command).method();
		return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
	}

	@Override
	public String toString() {
		String first = this.command.lines().findFirst().orElse("");
		return "README.md:" + this.line + " " + ((first.length() > 90) ? first.substring(0, 90) + "…" : first);
	}

}
