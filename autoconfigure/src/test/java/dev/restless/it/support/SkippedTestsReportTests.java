package dev.restless.it.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

class SkippedTestsReportTests {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final SkippedTestsReport report = new SkippedTestsReport(
			new PrintStream(this.output, true, StandardCharsets.UTF_8));

	private static TestIdentifier test(String name) {
		return TestIdentifier.from(new EngineDescriptor(UniqueId.forEngine(name), name));
	}

	@Test
	void skippedTestsAreListedLoudlyByReasonAtTheEndOfTheRun() {
		this.report.testPlanExecutionStarted(null);
		this.report.executionSkipped(test("FilterIT"),
				"postgresql is not reachable: FATAL: database \"restless\" does not exist");
		this.report.executionSkipped(test("EvalIT"),
				"postgresql is not reachable: FATAL: database \"restless\" does not exist");

		this.report.testPlanExecutionFinished(null);

		String printed = this.output.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("WARNING: TESTS WERE SKIPPED")
			.contains("2 tests or classes skipped because postgresql is not reachable: FATAL: database \"restless\" "
					+ "does not exist (FilterIT, EvalIT)");
	}

	@Test
	void aRunWithoutSkippedTestsSaysNothing() {
		this.report.testPlanExecutionStarted(null);

		this.report.testPlanExecutionFinished(null);

		assertThat(this.output.toString(StandardCharsets.UTF_8)).isEmpty();
	}

}
