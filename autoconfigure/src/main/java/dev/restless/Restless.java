package dev.restless;

import org.jspecify.annotations.Nullable;

/**
 * Answers questions about the exposed resources, as Flask-Restless's helper functions did. Inject
 * it where application code needs collection names or URLs of resources. Restless defines a bean
 * of this type unless the application declares its own.
 */
public interface Restless {

	/**
	 * The collection name of an entity class.
	 * @param entityClass the entity class
	 * @return the collection name
	 * @throws IllegalArgumentException when the class is not exposed
	 */
	String collectionName(Class<?> entityClass);

	/**
	 * The entity class exposed under a collection name.
	 * @param collectionName the collection name
	 * @return the entity class
	 * @throws IllegalArgumentException when no resource has that name
	 */
	Class<?> entityFor(String collectionName);

	/**
	 * The name of the attribute whose value is the resource id. For an entity with an
	 * {@code @IdClass} key, the names of its id attributes joined by {@code ,}, in the order of
	 * its id text.
	 * @param entityClass the entity class
	 * @return the attribute name
	 * @throws IllegalArgumentException when the class is not exposed
	 */
	String primaryKeyFor(Class<?> entityClass);

	/**
	 * The URL of an entity's resource, absolute inside a request and relative to the server
	 * outside one.
	 * @param entity the entity
	 * @return the URL
	 */
	String urlFor(Object entity);

	/**
	 * The URL of a resource, or of its related resource(s) when a relation is given.
	 * @param entityClass the entity class
	 * @param id the resource id: the value of its id attribute, for a composite key an instance of
	 * the {@code @EmbeddedId} class or of the {@code @IdClass}
	 * @param relation a relationship name, or {@code null}
	 * @return the URL
	 * @throws IllegalArgumentException when the class is not exposed
	 */
	String urlFor(Class<?> entityClass, Object id, @Nullable String relation);

}
