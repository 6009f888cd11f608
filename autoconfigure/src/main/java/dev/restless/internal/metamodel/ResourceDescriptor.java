package dev.restless.internal.metamodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.restless.ResourceMethod;
import dev.restless.Total;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;

/**
 * Everything Restless knows about one exposed resource, computed once at start-up from the JPA
 * metamodel, the {@link dev.restless.ExposedResource} annotation and the
 * {@code restless.resources.*} properties.
 *
 * @param type the collection name: URL segment and JSON:API {@code type}
 * @param entityClass the JPA entity class
 * @param entityName the JPA entity name, used in queries
 * @param id the identifying attribute
 * @param version the JPA {@code @Version} attribute, or {@code null}
 * @param attributes exposed attributes by member name, in declaration order
 * @param relationships exposed relationships by member name, in declaration order
 * @param methods the enabled methods
 * @param pageSize the default page size
 * @param maxPageSize the largest page size a client may ask for
 * @param defaultIncludes include paths used when the client gives none
 * @param allowClientGeneratedIds whether POST may carry an id
 * @param allowToManyReplacement whether PATCH may replace a to-many relationship
 * @param allowDeleteFromToManyRelationships whether DELETE on a to-many relationship is allowed
 * @param allowFunctions whether the eval endpoint serves the resource
 * @param toManyLinkage whether to-many relationships carry linkage data
 * @param eagerAssociations to-one associations mapped {@code FetchType.EAGER}, fetched with a join in
 * collection queries so they do not cost one statement per row
 * @param requireIfMatch whether PATCH and DELETE must carry {@code If-Match} (only for resources with a
 * {@link #version()})
 * @param total what offset pages say about the number of matching resources by default
 * @param estimatedTotalThreshold the smallest estimate an estimated total reports as such
 * @param estimatedTotalTimeToLive how long an estimate is given again for the same query (zero: never)
 * @param access who may read and write the resource and its fields
 */
public record ResourceDescriptor(String type, Class<?> entityClass, String entityName, IdDescriptor id,
		@Nullable PropertyAccessor version, Map<String, AttributeDescriptor> attributes,
		Map<String, RelationshipDescriptor> relationships, Set<ResourceMethod> methods, int pageSize, int maxPageSize,
		List<String> defaultIncludes, boolean allowClientGeneratedIds, boolean allowToManyReplacement,
		boolean allowDeleteFromToManyRelationships, boolean allowFunctions, boolean toManyLinkage,
		List<String> eagerAssociations, boolean requireIfMatch, Total total,
		long estimatedTotalThreshold, Duration estimatedTotalTimeToLive,
		AccessRules access) {

	/**
	 * Whether a method is enabled.
	 * @param method the method
	 * @return whether requests with it are served
	 */
	public boolean allows(ResourceMethod method) {
		return this.methods.contains(method);
	}

	/**
	 * An exposed attribute by member name.
	 * @param name the member name
	 * @return the attribute, or empty when there is none or it is hidden
	 */
	public Optional<AttributeDescriptor> attribute(String name) {
		return Optional.ofNullable(this.attributes.get(name));
	}

	/**
	 * An exposed relationship by member name.
	 * @param name the member name
	 * @return the relationship, or empty when there is none or it is hidden
	 */
	public Optional<RelationshipDescriptor> relationship(String name) {
		return Optional.ofNullable(this.relationships.get(name));
	}

	/**
	 * Whether a member name is an exposed attribute or relationship.
	 * @param name the name
	 * @return whether it is a field of the resource
	 */
	public boolean hasField(String name) {
		return this.attributes.containsKey(name) || this.relationships.containsKey(name);
	}

	/**
	 * The id of an entity as JSON:API text.
	 * @param entity the entity or a proxy of it
	 * @return the id
	 */
	public String idOf(Object entity) {
		return this.id.format(keyOf(entity));
	}

	/**
	 * The key of an entity (the value behind its JSON:API id). A Hibernate proxy of an entity whose
	 * key is its {@code @Id} answers without being loaded.
	 * @param entity the entity or a proxy of it
	 * @return the key value
	 */
	public @Nullable Object keyOf(Object entity) {
		if (this.id.entityId() && entity instanceof HibernateProxy proxy) {
			Object identifier = proxy.getHibernateLazyInitializer().getInternalIdentifier();
			// an @IdClass entity without the id class as identifier is read from its attributes
			if (!this.id.composite() || this.id.javaType().isInstance(identifier)) {
				return identifier;
			}
		}
		return this.id.read(entity);
	}

	/**
	 * Resources are identified by their collection name, which is unique in a registry.
	 */
	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof ResourceDescriptor resource && resource.type.equals(this.type));
	}

	@Override
	public int hashCode() {
		return this.type.hashCode();
	}

	@Override
	public String toString() {
		return "ResourceDescriptor[" + this.type + " -> " + this.entityClass.getName() + "]";
	}

}
