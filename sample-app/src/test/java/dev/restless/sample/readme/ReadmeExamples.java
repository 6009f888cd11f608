package dev.restless.sample.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the curl examples out of README.md, with the answer each one shows. The convention the
 * README follows (and states in its section on the sample application):
 * <ul>
 * <li>every {@code curl} command in a {@code sh}, {@code shell}, {@code console} or {@code bash}
 * block is an example; in {@code console} blocks commands start with {@code $ };</li>
 * <li>its expected status is the {@code HTTP/1.1 NNN} line shown under it or a comment ending the
 * command that starts with the status ({@code # 204} or {@code # 200, only age changes});</li>
 * <li>the headers under the status line, and the document under them (or, for the last command
 * of a block, a {@code json} block following the block directly) are the answer: every member
 * shown must be in the real answer with the value shown, {@code ...} or {@code …} standing for
 * what is left out.</li>
 * </ul>
 */
final class ReadmeExamples {

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");

	private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})\\b.*");

	private static final Pattern STATUS_COMMENT = Pattern.compile("^(\\d{3})\\b.*");

	private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*): (.*)$");

	private static final List<String> SHELL_LANGUAGES = List.of("sh", "shell", "console", "bash");

	private ReadmeExamples() {
	}

	/**
	 * Find README.md from the working directory up.
	 * @return its path
	 */
	static Path locate() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			Path readme = directory.resolve("README.md");
			if (Files.isRegularFile(readme) && Files.isDirectory(directory.resolve("sample-app"))) {
				return readme;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("No README.md above " + Path.of("").toAbsolutePath());
	}

	/**
	 * The examples of a README, in order.
	 * @param readme the file
	 * @return the examples
	 * @throws IOException when it cannot be read
	 */
	static List<ReadmeExample> read(Path readme) throws IOException {
		return parse(Files.readAllLines(readme));
	}

	static List<ReadmeExample> parse(List<String> lines) {
		List<ReadmeExample> examples = new ArrayList<>();
		String section = "";
		int index = 0;
		while (index < lines.size()) {
			String line = lines.get(index);
			Matcher fence = FENCE.matcher(line);
			if (!fence.matches()) {
				if (line.startsWith("#")) {
					section = line.replaceFirst("^#+\\s*", "");
				}
				index++;
				continue;
			}
			int end = index + 1;
			while (end < lines.size() && !lines.get(end).startsWith("```")) {
				end++;
			}
			if (SHELL_LANGUAGES.contains(fence.group(1))) {
				List<ReadmeExample> block = block(lines, index + 1, end, section);
				if (!block.isEmpty()) {
					String following = followingJson(lines, end + 1);
					ReadmeExample last = block.get(block.size() - 1);
					if (following != null && last.body() == null) {
						block.set(block.size() - 1, new ReadmeExample(last.line(), last.section(), last.command(),
								last.status(), last.headers(), following));
					}
					examples.addAll(block);
				}
			}
			index = end + 1;
		}
		return examples;
	}

	/** The content of a {@code json} block that follows directly (blank lines apart), or {@code null}. */
	private static String followingJson(List<String> lines, int from) {
		int index = from;
		while (index < lines.size() && lines.get(index).isBlank()) {
			index++;
		}
		if (index >= lines.size() || !lines.get(index).equals("```json")) {
			return null;
		}
		StringBuilder json = new StringBuilder();
		for (int line = index + 1; line < lines.size() && !lines.get(line).startsWith("```"); line++) {
			json.append(lines.get(line)).append('\n');
		}
		return json.toString();
	}

	private static List<ReadmeExample> block(List<String> lines, int from, int to, String section) {
		List<ReadmeExample> examples = new ArrayList<>();
		int index = from;
		while (index < to) {
			String line = lines.get(index);
			String stripped = line.startsWith("$ ") ? line.substring(2) : line;
			if (!stripped.startsWith("curl ")) {
				index++;
				continue;
			}
			int start = index;
			StringBuilder command = new StringBuilder(stripped);
			while (!CurlCommand.isComplete(command.toString()) && index + 1 < to) {
				command.append('\n').append(lines.get(++index));
			}
			index++;
			Integer status = null;
			String comment = CurlCommand.parse(command.toString()).comment();
			if (comment != null) {
				Matcher statusComment = STATUS_COMMENT.matcher(comment);
				if (statusComment.matches()) {
					status = Integer.valueOf(statusComment.group(1));
				}
			}
			Map<String, String> headers = new LinkedHashMap<>();
			StringBuilder body = new StringBuilder();
			// the answer shown under a command, up to the next command
			boolean inHeaders = false;
			while (index < to && !isCommand(lines.get(index))) {
				String answer = lines.get(index);
				Matcher statusLine = STATUS_LINE.matcher(answer);
				if (statusLine.matches() && body.isEmpty()) {
					status = Integer.valueOf(statusLine.group(1));
					inHeaders = true;
				}
				else if (inHeaders && HEADER.matcher(answer).matches()) {
					Matcher header = HEADER.matcher(answer);
					header.matches();
					headers.put(header.group(1), header.group(2));
				}
				else if (answer.startsWith("#")) {
					// a comment about the example, not part of the answer
					inHeaders = false;
				}
				else if (!answer.isBlank() || !body.isEmpty()) {
					inHeaders = false;
					body.append(answer).append('\n');
				}
				else {
					inHeaders = false;
				}
				index++;
			}
			String shown = body.toString().strip();
			examples.add(new ReadmeExample(start + 1, section, command.toString(), status, headers,
					(shown.isEmpty() || shown.equals("...") || shown.equals("…")) ? null : shown));
		}
		return examples;
	}

	private static boolean isCommand(String line) {
		return line.startsWith("$ ") || line.startsWith("curl ");
	}

}
