package dev.restless.internal.metamodel;

/**
 * Which fields of a resource the caller of the current request may read. Query parsing, rendering
 * and include loading ask here, so a field the caller may not read is as if excluded everywhere.
 */
public interface FieldVisibility {

	/** Every exposed field is visible: no field has a rule. */
	FieldVisibility ALL = (resource, field) -> true;

	/**
	 * @param resource the resource
	 * @param field the field name (attribute or relationship)
	 * @return whether the current caller may read the field
	 */
	boolean readable(ResourceDescriptor resource, String field);

}
