package dev.restless;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Restricts who may read or write one attribute or relationship of an exposed resource, with
 * Spring Security expressions. For a caller who may not read it, the field is as if excluded: it
 * is absent from every document, and naming it in {@code fields}, {@code filter}, {@code sort} or
 * {@code include} is a {@code 400} as for an unknown field. A caller who may not write it and
 * sends it gets {@code 403} with a pointer to it.
 *
 * <pre>{@code
 * @FieldAccess(read = "hasRole('ADMIN')", write = "hasRole('ADMIN')")
 * private BigDecimal salary;
 * }</pre>
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FieldAccess {

	/**
	 * Who may read the field; empty: whoever may read the resource.
	 * @return the read rule, a Spring Security expression
	 */
	String read() default "";

	/**
	 * Who may write the field; empty: whoever may write the resource.
	 * @return the write rule, a Spring Security expression
	 */
	String write() default "";

}
