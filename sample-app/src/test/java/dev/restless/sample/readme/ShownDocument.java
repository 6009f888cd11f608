package dev.restless.sample.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A document as the README shows it: JSON abridged with {@code ...} or {@code …}, compared with a
 * real answer member by member. Every member shown must be in the answer with the value shown;
 * members left out are not checked; an array shown is compared with the first elements of the
 * answer's; a string that is only an ellipsis matches any value, and one that holds an ellipsis
 * matches any text in its place.
 */
final class ShownDocument {

	private static final JsonMapper LENIENT = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	private static final String ELLIPSIS = "(?:\\.\\.\\.|…)";

	private static final Pattern ELIDED_MEMBER = Pattern.compile("\"" + ELLIPSIS + "\"\\s*:\\s*\"" + ELLIPSIS + "\"");

	private static final Pattern ELIDED_OBJECT = Pattern.compile("\\{\\s*" + ELLIPSIS + "\\s*}");

	private static final Pattern BARE_ELLIPSIS = Pattern.compile("(?<![\"\\w.])" + ELLIPSIS + "(?![\"\\w.])");

	private static final Pattern LEADING_COMMA = Pattern.compile("([\\[{])\\s*,");

	private static final Pattern DOUBLE_COMMA = Pattern.compile(",\\s*,");

	private ShownDocument() {
	}

	/**
	 * Read a shown document.
	 * @param shown the text of the README
	 * @return the document, ellipses between members removed
	 */
	static JsonNode parse(String shown) {
		String text = ELIDED_MEMBER.matcher(shown).replaceAll("");
		text = ELIDED_OBJECT.matcher(text).replaceAll("{}");
		text = BARE_ELLIPSIS.matcher(text).replaceAll("");
		String previous;
		do {
			previous = text;
			text = LEADING_COMMA.matcher(text).replaceAll("$1");
			text = DOUBLE_COMMA.matcher(text).replaceAll(",");
		}
		while (!text.equals(previous));
		return LENIENT.readTree(text);
	}

	/**
	 * The differences between a shown document and an answer.
	 * @param shown the document the README shows
	 * @param actual the answer
	 * @param replacements text of the README to replace before comparing (the server's URL)
	 * @return the differences, empty when the answer has everything shown
	 */
	static List<String> differences(JsonNode shown, JsonNode actual, Map<String, String> replacements) {
		List<String> differences = new ArrayList<>();
		compare("", shown, actual, replacements, differences);
		return differences;
	}

	private static void compare(String path, JsonNode shown, JsonNode actual, Map<String, String> replacements,
			List<String> differences) {
		if (shown.isString()) {
			String text = shown.asString();
			for (Map.Entry<String, String> replacement : replacements.entrySet()) {
				text = text.replace(replacement.getKey(), replacement.getValue());
			}
			if (!actual.isMissingNode() && matches(text, actual.isString() ? actual.asString() : actual.toString())) {
				return;
			}
			differences.add(path + ": shown " + shown + ", answered " + actual);
			return;
		}
		if (shown.isObject()) {
			if (!actual.isObject()) {
				differences.add(path + ": shown an object, answered " + actual);
				return;
			}
			for (Map.Entry<String, JsonNode> member : shown.properties()) {
				JsonNode value = actual.get(member.getKey());
				if (value == null) {
					differences.add(path + "/" + member.getKey() + ": shown, but not in the answer");
				}
				else {
					compare(path + "/" + member.getKey(), member.getValue(), value, replacements, differences);
				}
			}
			return;
		}
		if (shown.isArray()) {
			if (!actual.isArray() || actual.size() < shown.size()) {
				differences.add(path + ": shown " + shown.size() + " elements, answered " + actual);
				return;
			}
			for (int index = 0; index < shown.size(); index++) {
				compare(path + "/" + index, shown.get(index), actual.get(index), replacements, differences);
			}
			return;
		}
		if (shown.isNumber() && actual.isNumber()) {
			if (shown.decimalValue().compareTo(actual.decimalValue()) != 0) {
				differences.add(path + ": shown " + shown + ", answered " + actual);
			}
			return;
		}
		if (!shown.equals(actual)) {
			differences.add(path + ": shown " + shown + ", answered " + actual);
		}
	}

	/** Text with ellipses matches any text in their place. */
	private static boolean matches(String shown, String actual) {
		String[] parts = shown.split(ELLIPSIS, -1);
		if (parts.length == 1) {
			return shown.equals(actual);
		}
		StringBuilder pattern = new StringBuilder();
		for (int index = 0; index < parts.length; index++) {
			if (index > 0) {
				pattern.append(".*");
			}
			pattern.append(Pattern.quote(parts[index]));
		}
		return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(actual).matches();
	}

}
