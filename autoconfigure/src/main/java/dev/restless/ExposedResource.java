package dev.restless;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a JPA entity as a JSON:API resource. Every managed entity carrying this annotation is
 * discovered from the JPA metamodel at start-up. Each attribute can be overridden per collection
 * with {@code restless.resources.<collectionName>.*} properties, which win over the annotation.
 *
 * <pre>{@code
 * @Entity
 * @ExposedResource(collectionName = "people", methods = {GET, POST, PATCH, DELETE}, exclude = "password")
 * public class Person { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ExposedResource {

	/**
	 * The URL segment and JSON:API {@code type}. Defaults to the entity name with its first letter
	 * lower-cased.
	 * @return the collection name
	 */
	String collectionName() default "";

	/**
	 * The methods served; requests with other methods get {@code 405}. Read-only by default.
	 * @return the enabled methods
	 */
	ResourceMethod[] methods() default { ResourceMethod.GET };

	/**
	 * Page size when the client gives no {@code page[size]}; {@code -1} uses
	 * {@code restless.default-page-size}.
	 * @return the default page size
	 */
	int pageSize() default -1;

	/**
	 * Largest {@code page[size]} a client may ask for; {@code -1} uses
	 * {@code restless.max-page-size}.
	 * @return the maximum page size
	 */
	int maxPageSize() default -1;

	/**
	 * Attributes and relationships to expose; all others are hidden. Cannot be combined with
	 * {@link #exclude()}.
	 * @return the white-list of field names
	 */
	String[] only() default {};

	/**
	 * Attributes and relationships to hide. Cannot be combined with {@link #only()}.
	 * @return the black-list of field names
	 */
	String[] exclude() default {};

	/**
	 * Relationship paths (for example {@code owner} or {@code computers.owner}) included in
	 * responses when the client gives no {@code include} parameter.
	 * @return the default include paths
	 */
	String[] includes() default {};

	/**
	 * The attribute whose value appears in URLs and as the resource {@code id}; its values must be
	 * unique. Defaults to the {@code @Id} attribute.
	 * @return the primary key attribute name
	 */
	String primaryKey() default "";

	/**
	 * Whether a POST may carry the resource {@code id} (otherwise {@code 403}).
	 * @return whether client-generated ids are accepted
	 */
	boolean allowClientGeneratedIds() default false;

	/**
	 * Whether a PATCH may replace a whole to-many relationship (otherwise {@code 403}).
	 * @return whether to-many replacement is allowed
	 */
	boolean allowToManyReplacement() default false;

	/**
	 * Whether DELETE on a to-many relationship endpoint is allowed (otherwise {@code 403}).
	 * @return whether members can be removed from to-many relationships
	 */
	boolean allowDeleteFromToManyRelationships() default false;

	/**
	 * Whether the function evaluation endpoint {@code /api/eval/{collection}} serves this resource.
	 * @return whether functions can be evaluated
	 */
	boolean allowFunctions() default false;

	/**
	 * Whether to-many relationships carry linkage ({@code data}) in resource objects. Linkage of a
	 * page costs one SQL statement per to-many relationship; without it a relationship object has
	 * only links, and clients follow {@code links.related} or ask for {@code include}.
	 * @return whether to-many linkage is rendered
	 */
	boolean toManyLinkage() default true;

	/**
	 * What offset pages say about the number of matching resources ({@code meta.total} and the
	 * {@code last} link): counted exactly (the default), estimated for large results, or left out.
	 * An exact count costs one {@code COUNT} statement per page, which on a large table can cost
	 * more than the page itself. Clients choose per request with {@code page[total]=exact},
	 * {@code estimated} or {@code none}. Cursor pages carry a total only when asked.
	 * @return the default total of offset pages
	 */
	Total total() default Total.EXACT;

	/**
	 * The smallest estimate that an estimated total ({@link Total#ESTIMATED}) reports as such;
	 * below it the resources are counted exactly, where a {@code COUNT} is cheap and an estimate
	 * relatively far off. {@code -1} means the global setting
	 * ({@code restless.estimated-total-threshold}).
	 * @return the threshold, or {@code -1}
	 */
	long estimatedTotalThreshold() default -1;

	/**
	 * Whether PATCH and DELETE requests, of the resource and of its relationships, must carry an
	 * {@code If-Match} header with the resource's ETag (otherwise {@code 428 Precondition
	 * Required}), so that no client overwrites a change it has not seen. Needs a JPA
	 * {@code @Version} attribute.
	 * @return whether conditional writes are required
	 */
	boolean requireIfMatch() default false;


	/**
	 * Who may read the resource: a Spring Security expression such as {@code isAuthenticated()} or
	 * {@code hasRole('ADMIN')}, asked for every read that shows its rows (collections, single
	 * resources, related resources, relationship linkage, {@code include}, functions). Empty: no
	 * rule. Needs Spring Security; a caller who is refused gets {@code 401} when anonymous and
	 * {@code 403} otherwise.
	 * @return the read rule
	 */
	String readAccess() default "";

	/**
	 * Who may create resources, as a Spring Security expression; empty: no rule.
	 * @return the create rule
	 */
	String createAccess() default "";

	/**
	 * Who may update a resource, as a Spring Security expression that can name the resource
	 * being changed as {@code resource} (for example {@code resource.owner.username ==
	 * authentication.name}); empty: no rule.
	 * @return the update rule
	 */
	String updateAccess() default "";

	/**
	 * Who may delete a resource, as a Spring Security expression that can name the resource as
	 * {@code resource}; empty: no rule.
	 * @return the delete rule
	 */
	String deleteAccess() default "";

	/**
	 * Who may change the relationships of a resource (relationship endpoints and the matching
	 * atomic operations), as a Spring Security expression that can name the resource as
	 * {@code resource}; empty: the {@link #updateAccess() update rule} applies.
	 * @return the relationship rule
	 */
	String relationshipAccess() default "";

}
