/**
 * JPA access: the read queries (pages, counts, batches by key, to-many linkage), filter predicates,
 * the Spring Data repository of each resource, applying request documents to entities and
 * relationships, and translating database failures into JSON:API errors. Not public API: it may
 * change without notice.
 */
@NullMarked
package dev.restless.internal.persistence;

import org.jspecify.annotations.NullMarked;
