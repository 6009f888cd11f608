/**
 * The entities one document shows, loaded before it is rendered: the primary resources, the
 * resources they include and the to-many linkage of every rendered relationship, with the
 * {@code IncludeTree} of what to include. Persistence fills it; the document layer renders it
 * without touching the database. Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.graph;

import org.jspecify.annotations.NullMarked;
