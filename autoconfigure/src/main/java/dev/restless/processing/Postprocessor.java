package dev.restless.processing;

/**
 * Runs after Restless has built the response document, with the chance to change it. Declare one
 * as a bean; scoping and ordering work as for {@link Preprocessor}. For writes, postprocessors run
 * inside the write's transaction: throwing {@link dev.restless.ProcessingException} rolls the write
 * back.
 */
@FunctionalInterface
public interface Postprocessor {

	/**
	 * Inspect or change the response.
	 * @param context the response document and the entities behind it
	 */
	void postprocess(PostprocessContext context);

}
