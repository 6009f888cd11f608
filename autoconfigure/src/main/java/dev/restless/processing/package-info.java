/**
 * The public SPI of pre- and postprocessors. Applications declare
 * {@link dev.restless.processing.Preprocessor} and {@link dev.restless.processing.Postprocessor}
 * beans, optionally restricted with {@link dev.restless.processing.ProcessorScope}, to check or
 * change a request ({@link dev.restless.processing.PreprocessContext}) or its response document
 * ({@link dev.restless.processing.PostprocessContext}).
 */
@NullMarked
package dev.restless.processing;

import org.jspecify.annotations.NullMarked;
