package dev.restless.internal.precondition;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a write expects of the current version of the resource it changes: the entity tags of an
 * {@code If-Match} header, a version given in the request document's {@code meta}, both or
 * neither.
 *
 * @param ifMatch the {@code If-Match} condition, or {@code null} when the request has none
 * @param version the version the request document expects ({@code meta.version}), or
 * {@code null}
 * @param versionPointer the JSON pointer of that version in the request document, or
 * {@code null}
 */
public record Precondition(EntityTag.@Nullable Condition ifMatch, @Nullable JsonNode version,
		@Nullable String versionPointer) {

	/** A write that expects nothing. */
	public static final Precondition NONE = new Precondition(null, null, null);

	/**
	 * This precondition with the version the request document expects.
	 * @param version the version, or {@code null}
	 * @param pointer its JSON pointer
	 * @return a new precondition
	 */
	public Precondition withVersion(@Nullable JsonNode version, String pointer) {
		return (version != null) ? new Precondition(this.ifMatch, version, pointer) : this;
	}

	/** @return whether the write is conditional */
	public boolean isPresent() {
		return this.ifMatch != null || this.version != null;
	}

	/**
	 * The version a resource object (or an operation) expects, from its {@code meta.version}.
	 * @param owner a resource object or an operation object, or {@code null}
	 * @return the version, or {@code null} when there is none
	 */
	public static @Nullable JsonNode versionIn(@Nullable JsonNode owner) {
		if (owner == null || !owner.isObject()) {
			return null;
		}
		JsonNode meta = owner.get("meta");
		if (meta == null || !meta.isObject()) {
			return null;
		}
		JsonNode version = meta.get("version");
		return (version == null || version.isNull()) ? null : version;
	}

}
