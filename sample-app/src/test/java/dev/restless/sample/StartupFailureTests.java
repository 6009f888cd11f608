package dev.restless.sample;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A misspelled setting of a resource stops the application with Spring Boot's failure report:
 * what is wrong, and the settings there are, instead of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@Test
	void aMisspelledResourceSettingIsReportedAsAFailureToStartWithTheValidSettings(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:mem:failure-" + UUID.randomUUID(),
				"--restless.resources.people.page-sise=2"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Restless cannot expose the resources: 'restless.resources.people.page-sise' is not a setting "
					+ "of a resource")
			.contains("Use one of the settings of restless.resources.people: allow-client-generated-ids")
			.contains("max-page-size, methods, only, page-size, read-access, relationship-access, require-if-match");
	}

}
