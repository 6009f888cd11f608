package dev.restless.it.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of a test run, which tests were skipped and why. A database that is
 * reachable but lacks its database (or is not reachable at all, where it is not required) skips
 * its integration tests, and the build still ends in BUILD SUCCESS: without this banner the reason
 * would only be in a report file nobody opens. Registered for every test run through
 * {@code META-INF/services}.
 */
public class SkippedTestsReport implements TestExecutionListener {

	private final Map<String, List<String>> skippedByReason = new TreeMap<>();

	private final PrintStream out;

	/** Create the report, printed to standard output, which Maven shows. */
	public SkippedTestsReport() {
		this(System.out);
	}

	SkippedTestsReport(PrintStream out) {
		this.out = out;
	}

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.skippedByReason.clear();
	}

	@Override
	public void executionSkipped(TestIdentifier testIdentifier, String reason) {
		this.skippedByReason.computeIfAbsent(reason, (key) -> new ArrayList<>()).add(testIdentifier.getDisplayName());
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (this.skippedByReason.isEmpty()) {
			return;
		}
		StringBuilder banner = new StringBuilder();
		String rule = "!".repeat(100);
		banner.append(rule).append('\n');
		banner.append("!!! WARNING: TESTS WERE SKIPPED");
		String database = System.getProperty("restless.test.database");
		if (database != null) {
			banner.append(" in the run on ").append(database);
		}
		banner.append('\n');
		this.skippedByReason.forEach((reason, tests) -> banner.append("!!!   ")
			.append(tests.size())
			.append((tests.size() == 1) ? " test or class" : " tests or classes")
			.append(" skipped because ")
			.append(reason)
			.append(" (")
			.append(String.join(", ", tests.subList(0, Math.min(3, tests.size()))))
			.append((tests.size() > 3) ? ", ..." : "")
			.append(")\n"));
		banner.append("!!! A database listed in -Drestless.test.required-databases fails the build instead.\n");
		banner.append(rule).append('\n');
		this.out.print(banner);
		this.out.flush();
	}

}
