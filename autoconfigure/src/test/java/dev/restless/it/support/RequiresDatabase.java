package dev.restless.it.support;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs integration tests only when the chosen database is reachable. A database that is required
 * (see {@link TestDatabase#required()}) and unreachable fails the tests instead of skipping them.
 */
public class RequiresDatabase implements ExecutionCondition {

	private static final ConcurrentMap<TestDatabase, String> PROBES = new ConcurrentHashMap<>();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		TestDatabase database = TestDatabase.current();
		String problem = PROBES.computeIfAbsent(database, (db) -> {
			String reason = db.unreachableBecause();
			return (reason != null) ? reason : "";
		});
		if (problem.isEmpty()) {
			return ConditionEvaluationResult.enabled(database.key() + " is reachable");
		}
		if (database.required()) {
			throw new IllegalStateException(
					database.key() + " is required but not reachable at " + database.url() + ": " + problem);
		}
		return ConditionEvaluationResult.disabled(database.key() + " is not reachable: " + problem);
	}

}
