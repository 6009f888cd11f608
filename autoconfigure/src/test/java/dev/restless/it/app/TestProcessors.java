package dev.restless.it.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.restless.Operation;
import dev.restless.processing.PostprocessContext;
import dev.restless.processing.Postprocessor;
import dev.restless.processing.PreprocessContext;
import dev.restless.processing.Preprocessor;
import dev.restless.processing.ProcessorScope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Processor beans whose behaviour each test sets, and which record the order they ran in. Tests
 * reset them after use.
 */
@Configuration(proxyBeanMethods = false)
public class TestProcessors {

	/** Names of the processors that ran, in order. */
	public static final List<String> calls = new CopyOnWriteArrayList<>();

	public static volatile Consumer<PreprocessContext> globalPreprocessing = (context) -> {
	};

	public static volatile Consumer<PreprocessContext> scopedPreprocessing = (context) -> {
	};

	public static volatile Consumer<PostprocessContext> globalPostprocessing = (context) -> {
	};

	public static volatile Consumer<PostprocessContext> scopedPostprocessing = (context) -> {
	};

	public static void reset() {
		calls.clear();
		globalPreprocessing = (context) -> {
		};
		scopedPreprocessing = (context) -> {
		};
		globalPostprocessing = (context) -> {
		};
		scopedPostprocessing = (context) -> {
		};
	}

	@Bean
	@ProcessorScope(collections = "computers")
	@Order(1)
	Preprocessor scopedComputersPreprocessor() {
		return (context) -> {
			calls.add("scoped-pre:" + context.operation());
			scopedPreprocessing.accept(context);
		};
	}

	@Bean
	@Order(2)
	Preprocessor secondGlobalPreprocessor() {
		return (context) -> {
			calls.add("global-pre-2");
			globalPreprocessing.accept(context);
		};
	}

	@Bean
	@Order(1)
	Preprocessor firstGlobalPreprocessor() {
		return (context) -> calls.add("global-pre-1");
	}

	@Bean
	@ProcessorScope(collections = "people", operations = { Operation.POST_RESOURCE, Operation.PATCH_RESOURCE })
	Postprocessor scopedPeopleWritesPostprocessor() {
		return (context) -> {
			calls.add("scoped-post:" + context.operation());
			scopedPostprocessing.accept(context);
		};
	}

	@Bean
	Postprocessor globalPostprocessor() {
		return (context) -> {
			calls.add("global-post");
			globalPostprocessing.accept(context);
		};
	}

}
