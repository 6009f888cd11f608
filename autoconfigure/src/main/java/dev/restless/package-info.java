/**
 * The public API of Restless. Applications use {@link dev.restless.ExposedResource} to expose a JPA
 * entity, {@link dev.restless.RestlessSettings}, {@link dev.restless.ResourceSettings} and
 * {@link dev.restless.RestlessSettingsCustomizer} to configure it, {@link dev.restless.Restless} to
 * learn collection names and URLs of resources, and {@link dev.restless.Operation},
 * {@link dev.restless.ResourceMethod} and {@link dev.restless.ProcessingException} in processors.
 */
@NullMarked
package dev.restless;

import org.jspecify.annotations.NullMarked;
