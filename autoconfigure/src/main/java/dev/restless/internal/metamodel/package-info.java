/**
 * The exposed resources as Restless sees them: the {@code ResourceRegistry} and the descriptors of
 * each resource, its id, attributes and relationships, built once at start-up from the JPA
 * metamodel, the {@code @ExposedResource} annotations and the settings, with accessors that read
 * and write entity properties and the values attribute types accept. Not public API: it may change
 * without notice.
 */
@NullMarked
package dev.restless.internal.metamodel;

import org.jspecify.annotations.NullMarked;
