package dev.restless.internal.persistence;

import java.util.List;

import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Applies the caller's {@link RowRestrictions} to the parts of a criteria query that reach a
 * resource's rows: its root, the to-one joins of field paths (a hidden row joins as if absent, so
 * it neither matches a filter nor orders a page), and the rows of joins and subqueries (a hidden
 * member is no member). Each adds a predicate to the statement it belongs to.
 */
public final class RowScoping {

	/** No restriction anywhere. */
	public static final RowScoping NONE = new RowScoping(RowRestrictions.NONE);

	private final RowRestrictions restrictions;

	/**
	 * Apply restrictions.
	 * @param restrictions the caller's restrictions
	 */
	public RowScoping(RowRestrictions restrictions) {
		this.restrictions = restrictions;
	}

	/**
	 * @param resource a resource
	 * @return whether the current caller's rows of it are restricted
	 */
	public boolean restricts(ResourceDescriptor resource) {
		return this.restrictions.restricts(resource);
	}

	/**
	 * The restriction of a query's root.
	 * @param resource the resource of the root
	 * @param root the root
	 * @param query the query or subquery of the root
	 * @param builder the criteria builder
	 * @return the predicate, a conjunction when the rows are not restricted
	 */
	public Predicate onRoot(ResourceDescriptor resource, Root<?> root, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		if (!this.restrictions.restricts(resource)) {
			return builder.conjunction();
		}
		Predicate predicate = this.restrictions.predicate(resource, root, topQuery(query), builder);
		return (predicate != null) ? predicate : builder.conjunction();
	}

	/**
	 * The restriction of rows reached through a join or a path: their key is the key of a row in
	 * the caller's scope, tested with a subquery on the resource whose root the restriction can
	 * name.
	 * @param resource the resource of the joined rows
	 * @param joined the join or path standing for them
	 * @param query the query or subquery the join belongs to
	 * @param builder the criteria builder
	 * @return the predicate, or {@code null} when the rows are not restricted
	 */
	public @Nullable Predicate onJoined(ResourceDescriptor resource, Path<?> joined, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		if (!this.restrictions.restricts(resource)) {
			return null;
		}
		if (resource.id().composite()) {
			Subquery<Integer> visible = query.subquery(Integer.class);
			Root<?> row = visible.from(resource.entityClass());
			List<Path<?>> rowKey = AttributePaths.keyPaths(row, resource.id());
			List<Path<?>> joinedKey = AttributePaths.keyPaths(joined, resource.id());
			Predicate[] conditions = new Predicate[rowKey.size() + 1];
			for (int index = 0; index < rowKey.size(); index++) {
				conditions[index] = builder.equal(rowKey.get(index), joinedKey.get(index));
			}
			conditions[rowKey.size()] = onRoot(resource, row, visible, builder);
			visible.select(builder.literal(1)).where(conditions);
			return builder.exists(visible);
		}
		// typed with the id's type: Hibernate refuses to compare a key with Object
		@SuppressWarnings("unchecked")
		Class<Object> keyType = (Class<Object>) ClassUtils.resolvePrimitiveIfNecessary(resource.id().javaType());
		Subquery<Object> visible = query.subquery(keyType);
		Root<?> row = visible.from(resource.entityClass());
		visible.select(row.get(resource.id().attributeName())).where(onRoot(resource, row, visible, builder));
		Expression<?> key = joined.get(resource.id().attributeName());
		return key.in(visible);
	}

	/**
	 * What the to-one joins of field paths in a query do: restrict the joined rows in the join's
	 * {@code ON} condition, so a row outside the scope is joined as if the relationship were empty.
	 * @param query the query or subquery the joins belong to
	 * @param builder the criteria builder
	 * @return the join scope
	 */
	public AttributePaths.JoinScope joins(AbstractQuery<?> query, CriteriaBuilder builder) {
		return (resource, join) -> {
			Predicate visible = onJoined(resource, join, query, builder);
			if (visible != null) {
				join.on(visible);
			}
		};
	}

	/** The statement's own query, which a scope's specification is given with its root. */
	private static CriteriaQuery<?> topQuery(AbstractQuery<?> query) {
		CommonAbstractCriteria current = query;
		while (current instanceof Subquery<?> subquery) {
			current = subquery.getContainingQuery();
		}
		return (CriteriaQuery<?>) current;
	}

}
