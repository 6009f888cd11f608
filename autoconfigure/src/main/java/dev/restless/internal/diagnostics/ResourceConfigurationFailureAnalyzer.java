package dev.restless.internal.diagnostics;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a misconfigured resource as Spring Boot reports its own configuration errors: an
 * "APPLICATION FAILED TO START" block with what is wrong and what to do, instead of a stack trace.
 */
public final class ResourceConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidResourceConfigurationException> {

	static final String DEFAULT_ACTION = "Correct the @ExposedResource annotation or the restless.* properties "
			+ "named above (the README's Properties and The annotation sections describe every setting).";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidResourceConfigurationException cause) {
		String action = (cause.action() != null) ? cause.action() : DEFAULT_ACTION;
		return new FailureAnalysis("Restless cannot expose the resources: " + cause.getMessage(), action, cause);
	}

}
