package dev.restless.processing;

/**
 * Runs before Restless handles a request, with the chance to change it. Declare one as a bean;
 * it applies to every resource and operation unless scoped with {@link ProcessorScope}. Global
 * preprocessors run before scoped ones, each group in {@link org.springframework.core.annotation.Order}.
 * Throw {@link dev.restless.ProcessingException} to answer the request with an error instead.
 */
@FunctionalInterface
public interface Preprocessor {

	/**
	 * Inspect or change the request.
	 * @param context the request: operation, collection, id, parsed query and request document
	 */
	void preprocess(PreprocessContext context);

}
