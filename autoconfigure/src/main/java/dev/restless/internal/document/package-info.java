/**
 * JSON:API documents in and out: renders resource objects and compound documents with sparse
 * fieldsets and pagination links, builds error documents and API URLs, and reads request documents,
 * those of the Atomic Operations extension included. It uses neither the database nor HTTP. Not
 * public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.document;

import org.jspecify.annotations.NullMarked;
