package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.EmbeddedPaths;
import dev.restless.internal.metamodel.IdComponent;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.query.QueryField;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

/**
 * Resolves member paths of the query language ({@code name}, {@code owner.name}) to JPA criteria
 * paths. Callers validate the path first; only exposed attributes and to-one relationships are
 * followed.
 */
public final class AttributePaths {

	private AttributePaths() {
	}

	/**
	 * The criteria path of a field's value, joining to-one relationships on the way.
	 * @param registry the exposed resources
	 * @param field the field, resolved against the resource of {@code from}
	 * @param from the root or join of the field's {@link QueryField#origin() origin}
	 * @param scope what to do to the joins it makes
	 * @return the criteria path
	 * @throws IllegalStateException for a to-many relationship, which has no single value
	 */
	public static Path<?> path(ResourceRegistry registry, QueryField field, From<?, ?> from, JoinScope scope) {
		if (field.kind() == QueryField.Kind.TO_MANY) {
			throw new IllegalStateException("A to-many relationship has no single value");
		}
		return resolve(registry, field.origin(), from, field.memberPath(), scope);
	}

	/**
	 * Resolve a path of member names.
	 * @param registry the exposed resources
	 * @param resource the resource of {@code from}
	 * @param from the root or join to start from
	 * @param memberPath {@code id}, an attribute name, or relation names and an attribute name joined
	 * by dots
	 * @param scope what to do to the joins it makes
	 * @return the criteria path
	 * @throws IllegalArgumentException when the path names no exposed attribute
	 */
	public static Path<?> resolve(ResourceRegistry registry, ResourceDescriptor resource, From<?, ?> from,
			String memberPath, JoinScope scope) {
		if (memberPath.equals("id")) {
			return from.get(resource.id().attributeName());
		}
		int dot = memberPath.indexOf('.');
		if (dot < 0) {
			AttributeDescriptor attribute = resource.attribute(memberPath)
				.orElseThrow(() -> new IllegalArgumentException("No attribute " + memberPath));
			return from.get(attribute.attributeName());
		}
		RelationshipDescriptor relationship = resource.relationship(memberPath.substring(0, dot)).orElse(null);
		if (relationship == null) {
			return embedded(resource, from, memberPath.substring(0, dot), memberPath.substring(dot + 1));
		}
		ResourceDescriptor target = registry.find(relationship.targetClass()).orElseThrow();
		return resolve(registry, target, join(from, relationship.attributeName(), target, scope),
				memberPath.substring(dot + 1), scope);
	}

	/** The path of a member of an {@code @Embedded} attribute, checked as the query parser checked it. */
	private static Path<?> embedded(ResourceDescriptor resource, From<?, ?> from, String attributeName,
			String members) {
		AttributeDescriptor attribute = resource.attribute(attributeName)
			.orElseThrow(() -> new IllegalArgumentException("No relationship or attribute " + attributeName));
		EmbeddedPaths.EmbeddedMember member = EmbeddedPaths.resolve(attribute, List.of(members.split("\\.")));
		if (member == null) {
			throw new IllegalArgumentException("No member " + members + " of " + attributeName);
		}
		Path<?> path = from;
		for (String segment : member.attributePath()) {
			path = path.get(segment);
		}
		return path;
	}

	/**
	 * The criteria paths of the key a member path ends in ({@code id} or {@code owner.id}), joining
	 * to-one relationships on the way.
	 * @param registry the exposed resources
	 * @param resource the resource of {@code from}
	 * @param from the root or join to start from
	 * @param memberPath {@code id}, or relation names and {@code id} joined by dots
	 * @param scope what to do to the joins it makes
	 * @return the paths, in the order of the key's components
	 */
	public static List<Path<?>> keyPaths(ResourceRegistry registry, ResourceDescriptor resource, From<?, ?> from,
			String memberPath, JoinScope scope) {
		if (memberPath.equals("id")) {
			return keyPaths(from, resource.id());
		}
		int dot = memberPath.indexOf('.');
		RelationshipDescriptor relationship = resource.relationship((dot < 0) ? memberPath : memberPath.substring(0, dot))
			.orElseThrow(() -> new IllegalArgumentException("No relationship " + memberPath));
		ResourceDescriptor target = registry.find(relationship.targetClass()).orElseThrow();
		if (dot < 0) {
			// the foreign key itself: a hidden row's key must not show either
			return keyPaths(join(from, relationship.attributeName(), target, scope), target.id());
		}
		return keyPaths(registry, target, join(from, relationship.attributeName(), target, scope),
				memberPath.substring(dot + 1), scope);
	}

	/**
	 * The criteria paths of a key: the id attribute, or each component of a composite key.
	 * @param from the root or join of the resource
	 * @param id the resource's key
	 * @return the paths, in the order of the key's components
	 */
	public static List<Path<?>> keyPaths(Path<?> from, IdDescriptor id) {
		if (!id.composite()) {
			return List.of(from.get(id.attributeName()));
		}
		List<Path<?>> paths = new ArrayList<>(id.components().size());
		for (IdComponent component : id.components()) {
			Path<?> path = from;
			for (String segment : component.path().split("\\.")) {
				path = path.get(segment);
			}
			paths.add(path);
		}
		return paths;
	}

	/**
	 * The condition that a key equals a value: one equality per component of a composite key.
	 * @param builder the criteria builder
	 * @param from the root or join of the resource
	 * @param id the resource's key
	 * @param key the value, of the key's type
	 * @return the predicate
	 */
	public static Predicate keyEquals(CriteriaBuilder builder, Path<?> from, IdDescriptor id, Object key) {
		List<Path<?>> paths = keyPaths(from, id);
		List<Object> values = id.values(key);
		Predicate[] equalities = new Predicate[paths.size()];
		for (int index = 0; index < equalities.length; index++) {
			equalities[index] = builder.equal(paths.get(index), values.get(index));
		}
		return (equalities.length == 1) ? equalities[0] : builder.and(equalities);
	}

	private static Join<?, ?> join(From<?, ?> from, String attributeName, ResourceDescriptor target,
			JoinScope scope) {
		for (Join<?, ?> existing : from.getJoins()) {
			if (existing.getAttribute().getName().equals(attributeName) && existing.getJoinType() == JoinType.LEFT) {
				return existing;
			}
		}
		Join<?, ?> join = from.join(attributeName, JoinType.LEFT);
		scope.joined(target, join);
		return join;
	}

	/**
	 * What happens to each to-one join a path makes: nothing, or the restriction of the joined
	 * rows to the caller's scope ({@link RowScoping#joins}).
	 */
	@FunctionalInterface
	public interface JoinScope {

		/** Joins are left as they are. */
		JoinScope NONE = (resource, join) -> {
		};

		/**
		 * A join was made.
		 * @param resource the resource of the joined rows
		 * @param join the join
		 */
		void joined(ResourceDescriptor resource, Join<?, ?> join);

	}

}
