package dev.restless.internal.metamodel;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The access rules of one resource, as Spring Security expressions: per operation from
 * {@link dev.restless.ExposedResource} and {@code restless.resources.<name>.*}, and per field from
 * {@link dev.restless.FieldAccess}. A {@code null} rule is no rule.
 *
 * @param read who may read the resource
 * @param create who may create resources
 * @param update who may update a resource
 * @param delete who may delete a resource
 * @param relationships who may change the resource's relationships ({@link #update} when
 * {@code null})
 * @param fields the rules of the fields that have any, by field name
 */
public record AccessRules(@Nullable String read, @Nullable String create, @Nullable String update,
		@Nullable String delete, @Nullable String relationships, Map<String, FieldRules> fields) {

	/** No rules at all. */
	public static final AccessRules NONE = new AccessRules(null, null, null, null, null, Map.of());

	/** @return whether any rule is set, for the resource or one of its fields */
	public boolean any() {
		return this.read != null || this.create != null || this.update != null || this.delete != null
				|| this.relationships != null || !this.fields.isEmpty();
	}

	/** @return the rule of relationship changes: its own, else the update rule */
	public @Nullable String relationshipChanges() {
		return (this.relationships != null) ? this.relationships : this.update;
	}

	/**
	 * The rules of one field.
	 *
	 * @param read who may read it
	 * @param write who may write it
	 */
	public record FieldRules(@Nullable String read, @Nullable String write) {
	}

}
