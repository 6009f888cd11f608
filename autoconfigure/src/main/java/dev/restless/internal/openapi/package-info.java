/**
 * The description of the API in OpenAPI 3.1, built from the resource registry and the settings:
 * one path item per resource and endpoint kind with only the methods it serves, its query
 * parameters and headers, and JSON Schemas of every document it reads and writes. Used only when
 * springdoc-openapi is on the classpath. Not public API: it may change without notice.
 */
@NullMarked
package dev.restless.internal.openapi;

import org.jspecify.annotations.NullMarked;
