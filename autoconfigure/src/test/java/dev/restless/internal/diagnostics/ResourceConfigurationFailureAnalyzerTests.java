package dev.restless.internal.diagnostics;

import java.util.List;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceConfigurationFailureAnalyzerTests {

	private final ResourceConfigurationFailureAnalyzer analyzer = new ResourceConfigurationFailureAnalyzer();

	@Test
	void aMisconfiguredResourceIsDescribedWithoutAStackTraceAndWithWhatToDo() {
		BeanCreationException failure = new BeanCreationException("restlessResourceRegistry",
				new InvalidResourceConfigurationException("@ExposedResource of Gadget sets both 'only' and 'exclude'; "
						+ "use one of them"));

		FailureAnalysis analysis = this.analyzer.analyze(failure);

		assertThat(analysis.getDescription()).isEqualTo("Restless cannot expose the resources: "
				+ "@ExposedResource of Gadget sets both 'only' and 'exclude'; use one of them");
		assertThat(analysis.getAction()).isEqualTo(ResourceConfigurationFailureAnalyzer.DEFAULT_ACTION);
	}

	@Test
	void theActionOfTheExceptionWinsOverTheGeneralOne() {
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException(
				new InvalidResourceConfigurationException("'restless.resources.books.page-sise' is not a setting",
						"Use one of the settings of restless.resources.books: page-size")));

		assertThat(analysis.getAction()).isEqualTo("Use one of the settings of restless.resources.books: page-size");
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalArgumentException("not ours"))).isNull();
	}

	@Test
	void springBootFindsTheAnalyzer() {
		// Some of Spring Boot's own analyzers need constructor arguments the loader lacks here.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
			}));

		assertThat(analyzers).hasAtLeastOneElementOfType(ResourceConfigurationFailureAnalyzer.class);
	}

}
