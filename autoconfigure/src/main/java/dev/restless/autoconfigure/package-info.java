/**
 * Spring Boot auto-configuration of Restless: the runtime beans, the Spring MVC endpoints, embedded
 * Tomcat's JSON:API error report and Hibernate's query plan cache. Applications configure it with
 * the {@code restless.*} properties ({@link dev.restless.autoconfigure.RestlessProperties}) and may
 * replace any bean it declares with one of their own.
 */
@NullMarked
package dev.restless.autoconfigure;

import org.jspecify.annotations.NullMarked;
