package dev.restless.processing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.restless.Operation;

/**
 * Restricts a {@link Preprocessor} or {@link Postprocessor} bean to some collections and
 * operations. Put it on the bean's class or on its {@code @Bean} method. An empty attribute means
 * "all".
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessorScope {

	/**
	 * Collection names the processor applies to.
	 * @return the collection names, or none for all
	 */
	String[] collections() default {};

	/**
	 * Operations the processor applies to.
	 * @return the operations, or none for all
	 */
	Operation[] operations() default {};

}
