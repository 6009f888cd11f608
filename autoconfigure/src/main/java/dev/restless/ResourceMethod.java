package dev.restless;

/**
 * The HTTP methods a resource can serve. A method that is not enabled for a resource is answered
 * with {@code 405 Method Not Allowed} and an {@code Allow} header.
 */
public enum ResourceMethod {

	/** Read the collection, single resources, related resources and relationships. */
	GET,

	/** Create resources. */
	POST,

	/** Update resources and their relationships (the relationship write endpoints need it too). */
	PATCH,

	/** Delete resources. */
	DELETE

}
