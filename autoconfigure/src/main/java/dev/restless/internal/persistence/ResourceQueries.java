package dev.restless.internal.persistence;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.Total;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.query.CursorPagination;
import dev.restless.internal.query.FunctionCall;
import dev.restless.query.Filter;
import dev.restless.query.QueryParameters;
import dev.restless.internal.query.QueryParser;
import dev.restless.query.SortField;
import dev.restless.internal.persistence.FilterPredicateBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The read queries of Restless, each a fixed number of SQL statements whatever the number of rows:
 * pages with their count, single resources, resources by a batch of keys and the to-many linkage
 * of a batch of resources.
 */
public final class ResourceQueries {

	/**
	 * The offset from which a page is read as a deferred join, keys first: below it, the second
	 * statement costs more than skipping the rows saves.
	 */
	static final long DEEP_OFFSET = 1000;

	private final EntityManager entityManager;

	private final ResourceRegistry registry;

	private final FilterPredicateBuilder predicates;

	private final RowScoping scoping;

	private final RowCountEstimates estimates;

	/** Linkage queries by relationship and key count: built once, they are run for every page. */
	private final Map<LinkageQuery, String> linkageQueries = new ConcurrentHashMap<>();

	/** Queries of resources by keys, by resource and key count. */
	private final Map<KeysQuery, String> keysQueries = new ConcurrentHashMap<>();

	/**
	 * Create the queries.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param registry the exposed resources
	 * @param predicates builds filter predicates
	 * @param scoping the caller's row scopes, which every query adds to its statement
	 */
	public ResourceQueries(EntityManager entityManager, ResourceRegistry registry, FilterPredicateBuilder predicates,
			RowScoping scoping) {
		this.entityManager = entityManager;
		this.registry = registry;
		this.predicates = predicates;
		this.scoping = scoping;
		this.estimates = new RowCountEstimates(entityManager);
	}

	/**
	 * One page of a resource's collection, filtered and sorted (by the primary key last, so pages
	 * are stable), and its total when it cannot be deduced from the page itself.
	 * @param resource the resource
	 * @param query the parsed query
	 * @return the page
	 */
	public PageResult findPage(ResourceDescriptor resource, QueryParameters query) {
		return findPage(resource, query, Restriction.NONE);
	}

	private PageResult findPage(ResourceDescriptor resource, QueryParameters query, Restriction restriction) {
		int size = query.page().size();
		long offset = query.page().offset();
		// One row more than the page tells whether a next page exists without a count.
		List<Object> rows = select(resource, query, offset, size + 1, restriction, false);
		boolean hasNext = rows.size() > size;
		List<Object> page = hasNext ? rows.subList(0, size) : rows;
		Total total = totalOf(resource, query);
		if (total == Total.NONE) {
			return new PageResult(page, null, hasNext);
		}
		// On the last page the total follows from the page, so only pages with a next one count.
		if (!hasNext && (!rows.isEmpty() || offset == 0)) {
			return new PageResult(page, PageTotal.exact(offset + page.size()), false);
		}
		// A page with a next one proves a lower bound, which an estimate must not undercut; an empty
		// page past the end proves nothing (its offset is the client's, not a count).
		PageTotal counted = total(resource, query, restriction, total, hasNext ? offset + rows.size() : 0);
		return new PageResult(page, counted, counted.estimated() ? hasNext : offset + page.size() < counted.value());
	}

	/**
	 * What a page of a query says about the number of matching resources: as {@code page[total]}
	 * asks, else as the resource is configured for offset pages; cursor pages say nothing unless
	 * asked.
	 * @param resource the resource
	 * @param query the query
	 * @return the total to give
	 */
	public static Total totalOf(ResourceDescriptor resource, QueryParameters query) {
		if (query.page().total() != null) {
			return query.page().total();
		}
		return query.page().cursor() ? Total.NONE : resource.total();
	}

	/**
	 * The total of a query's resources, as {@link #totalOf} asks for it.
	 * @param resource the resource
	 * @param query the parsed query
	 * @return the total, or {@code null} when none is asked for
	 */
	public @Nullable PageTotal total(ResourceDescriptor resource, QueryParameters query) {
		Total total = totalOf(resource, query);
		return (total != Total.NONE) ? total(resource, query, Restriction.NONE, total, 0) : null;
	}

	/**
	 * An exact count, or the planner's estimate where one is asked for, the database gives one and
	 * it reaches the resource's threshold. A caller whose rows any scope restricts gets the exact
	 * count: an estimate comes from statistics over every row, hidden ones included.
	 */
	private PageTotal total(ResourceDescriptor resource, QueryParameters query, Restriction restriction, Total total,
			long atLeast) {
		if (total == Total.ESTIMATED && !restrictsAnyRows()) {
			OptionalLong estimate = this.estimates.estimate(() -> estimated(resource, query, restriction),
					sameQuery(resource, query, restriction), resource.estimatedTotalTimeToLive());
			if (estimate.isPresent() && estimate.getAsLong() >= resource.estimatedTotalThreshold()) {
				return PageTotal.estimated(Math.max(estimate.getAsLong(), atLeast));
			}
		}
		return PageTotal.exact(count(resource, query, restriction));
	}

	/**
	 * What decides the rows of a query for callers no scope restricts, where an estimate may be
	 * given again: only a resource's own collection (a restriction holds values, such as a
	 * relationship's owner, outside the key) whose filters depend on themselves alone.
	 */
	private @Nullable FilteredCollection sameQuery(ResourceDescriptor resource, QueryParameters query,
			Restriction restriction) {
		if (resource.estimatedTotalTimeToLive().isZero() || restriction != Restriction.NONE
				|| !this.predicates.dependsOnFiltersAlone(query.filters())) {
			return null;
		}
		return new FilteredCollection(resource.type(), query.filters());
	}

	/** A resource's collection with its filters. */
	private record FilteredCollection(String type, List<Filter> filters) {
	}

	private boolean restrictsAnyRows() {
		for (ResourceDescriptor resource : this.registry.all()) {
			if (this.scoping.restricts(resource)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The rows a page, its count and its estimate share: the query's filters, the restriction (to
	 * the members of one resource's relationship, say) and the caller's row scope.
	 */
	private Predicate matching(ResourceDescriptor resource, QueryParameters query, Restriction restriction,
			Root<?> root, CriteriaQuery<?> criteria, CriteriaBuilder builder) {
		return builder.and(this.predicates.build(resource, query.filters(), root, criteria, builder),
				restriction.predicate(root, criteria, builder), this.scoping.onRoot(resource, root, builder));
	}

	/** The statement of the count without its aggregate, whose plan's row estimate is the total. */
	private CriteriaQuery<String> estimated(ResourceDescriptor resource, QueryParameters query,
			Restriction restriction) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<String> criteria = builder.createQuery(String.class);
		Root<?> root = criteria.from(resource.entityClass());
		criteria.select(builder.literal("row"));
		criteria.where(matching(resource, query, restriction, root, criteria, builder));
		return criteria;
	}

	/**
	 * One cursor page: the resources after (or before) a cursor in the order of the cursor keys,
	 * found with a keyset condition instead of an offset, so a page deep in the collection costs
	 * what the first one does.
	 * @param resource the resource
	 * @param query the parsed query (filters and page size apply)
	 * @param keys the cursor keys, the id last ({@link dev.restless.internal.query.CursorPagination#keys})
	 * @param cursorValues the key values of the cursor ({@code null} where a key was null), or
	 * {@code null} for the first page
	 * @param forward whether the page follows the cursor ({@code page[after]}) or precedes it
	 * @return the page, in the order of the keys, and whether more rows lie beyond it in the
	 * direction of travel
	 */
	public CursorPage findCursorPage(ResourceDescriptor resource, QueryParameters query, List<SortField> keys,
			@Nullable List<@Nullable Object> cursorValues, boolean forward) {
		int size = query.page().size();
		QueryParameters ordered = query.withSort(keys);
		Restriction keyset = (cursorValues == null) ? Restriction.NONE
				: (root, criteria, builder) -> keyset(resource, root, criteria, builder, keys, cursorValues,
						forward);
		List<Object> rows = select(resource, ordered, 0, size + 1, keyset, !forward);
		boolean more = rows.size() > size;
		List<Object> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
		if (!forward) {
			Collections.reverse(page);
		}
		return new CursorPage(page, more);
	}

	/**
	 * The keyset condition of the rows beyond a cursor: for each key, the rows equal to the cursor
	 * on the keys before it and beyond it on this one. Null counts as greater than every value, as
	 * in {@link #order}, so the condition agrees with the order the page is read in.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate keyset(ResourceDescriptor resource, Root<?> root, CriteriaQuery<?> criteria,
			CriteriaBuilder builder, List<SortField> keys, List<@Nullable Object> values, boolean forward) {
		AttributePaths.JoinScope joins = this.scoping.joins(criteria, builder);
		List<Predicate> alternatives = new ArrayList<>();
		for (int index = 0; index < keys.size(); index++) {
			List<Predicate> conditions = new ArrayList<>();
			for (int previous = 0; previous < index; previous++) {
				Expression<?> path = AttributePaths.resolve(this.registry, resource, root, keys.get(previous).path(),
						joins);
				Object value = values.get(previous);
				conditions.add((value != null) ? builder.equal(path, value) : builder.isNull(path));
			}
			SortField key = keys.get(index);
			Expression<Comparable> path = (Expression<Comparable>) AttributePaths.resolve(this.registry, resource, root,
					key.path(), joins);
			Comparable value = (Comparable) values.get(index);
			boolean greater = key.descending() != forward;
			if (value == null) {
				if (greater) {
					// nothing is greater than null
					continue;
				}
				conditions.add(builder.isNotNull(path));
			}
			else if (greater && !CursorPagination.cannotBeNull(resource, key.path())) {
				conditions.add(builder.or(builder.greaterThan(path, value), builder.isNull(path)));
			}
			else {
				conditions.add(greater ? builder.greaterThan(path, value) : builder.lessThan(path, value));
			}
			alternatives.add(builder.and(conditions.toArray(Predicate[]::new)));
		}
		return builder.or(alternatives.toArray(Predicate[]::new));
	}

	/**
	 * Every resource matching a query's filters, without paging (for {@code filter[single]}, at
	 * most {@code limit} rows).
	 * @param resource the resource
	 * @param query the parsed query
	 * @param limit the most rows to read
	 * @return the rows
	 */
	public List<Object> findMatching(ResourceDescriptor resource, QueryParameters query, int limit) {
		return select(resource, query, 0, limit);
	}

	private List<Object> select(ResourceDescriptor resource, QueryParameters query, long offset, int limit) {
		return select(resource, query, offset, limit, Restriction.NONE, false);
	}

	private List<Object> select(ResourceDescriptor resource, QueryParameters query, long offset, int limit,
			Restriction restriction, boolean reversed) {
		// A deferred join reads keys alone, one column each: composite keys are paged plainly.
		if (offset >= DEEP_OFFSET && !resource.id().composite()) {
			return selectDeep(resource, query, offset, limit, restriction, reversed);
		}
		return run(ordered(resource, query, restriction, reversed, false), offset, limit);
	}

	/**
	 * A page deep in a collection, read as a deferred join: the database skips the offset over the
	 * keys alone (an index-only scan where the order allows one), then the page's rows are read by
	 * key. Skipping whole rows would read every one of them from the table first.
	 */
	private List<Object> selectDeep(ResourceDescriptor resource, QueryParameters query, long offset, int limit,
			Restriction restriction, boolean reversed) {
		List<Object> keys = run(ordered(resource, query, restriction, reversed, true), offset, limit);
		Map<Object, Object> byKey = new HashMap<>();
		for (Object entity : findByKeys(resource, keys)) {
			byKey.put(resource.keyOf(entity), entity);
		}
		List<Object> rows = new ArrayList<>(keys.size());
		for (Object key : keys) {
			Object entity = byKey.get(key);
			if (entity == null) {
				// Deleted between the two statements: the page would come up short and look like the
				// last one, so it is read again in one statement, which sees one state of the table.
				return run(ordered(resource, query, restriction, reversed, false), offset, limit);
			}
			rows.add(entity);
		}
		return rows;
	}

	/**
	 * The filtered query of a resource in the requested order, the primary key last so the order
	 * is total, selecting the entities (with their eager to-one associations) or only their keys.
	 */
	private CriteriaQuery<Object> ordered(ResourceDescriptor resource, QueryParameters query, Restriction restriction,
			boolean reversed, boolean keysOnly) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object> criteria = builder.createQuery(Object.class);
		Root<?> root = criteria.from(resource.entityClass());
		if (keysOnly) {
			criteria.select(root.get(resource.id().attributeName()));
		}
		else {
			for (String association : resource.eagerAssociations()) {
				root.fetch(association, JoinType.LEFT);
			}
			criteria.select(root);
		}
		criteria.where(matching(resource, query, restriction, root, criteria, builder));
		AttributePaths.JoinScope joins = this.scoping.joins(criteria, builder);
		List<Order> orders = new ArrayList<>();
		boolean keySorted = false;
		for (SortField field : query.sort()) {
			if (field.path().equals("id") && resource.id().composite()) {
				// a composite key sorts by its components, in the order of its id text
				for (var component : AttributePaths.keyPaths(root, resource.id())) {
					orders.add((field.descending() != reversed) ? builder.desc(component) : builder.asc(component));
				}
				keySorted = true;
				continue;
			}
			var path = AttributePaths.resolve(this.registry, resource, root, field.path(), joins);
			orders.add(order(builder, path, field.descending() != reversed,
					!CursorPagination.cannotBeNull(resource, field.path())));
			keySorted |= field.path().equals("id");
		}
		if (!keySorted) {
			for (var id : AttributePaths.keyPaths(root, resource.id())) {
				orders.add(reversed ? builder.desc(id) : builder.asc(id));
			}
		}
		criteria.orderBy(orders);
		return criteria;
	}

	/**
	 * The order of one sort key. Null counts as greater than every value, on every database: last
	 * in ascending order, first in descending order. Databases disagree by default (PostgreSQL sorts
	 * nulls last ascending, H2 and MariaDB first), and this rule makes a descending sort the exact
	 * reverse of the ascending one, so backward cursor pages are forward ones read in reverse. It is
	 * also PostgreSQL's own order, which an index there serves in both directions; Hibernate writes
	 * it as a {@code CASE} on databases without {@code NULLS FIRST/LAST} (MariaDB). A key that
	 * cannot be null keeps a plain order.
	 */
	private static Order order(CriteriaBuilder builder, Expression<?> path, boolean descending, boolean nullable) {
		if (!nullable) {
			return descending ? builder.desc(path) : builder.asc(path);
		}
		return descending ? builder.desc(path, Nulls.FIRST) : builder.asc(path, Nulls.LAST);
	}

	/**
	 * The query of a criteria built for it alone, made by the shared entity manager, which gives
	 * it the time the transaction has left.
	 */
	private <T> TypedQuery<T> query(CriteriaQuery<T> criteria) {
		return UncopiedCriteria.query(this.entityManager.unwrap(SharedSessionContractImplementor.class),
				() -> this.entityManager.createQuery(criteria));
	}

	private List<Object> run(CriteriaQuery<Object> criteria, long offset, int limit) {
		TypedQuery<Object> typed = query(criteria);
		typed.setFirstResult((int) Math.min(offset, Integer.MAX_VALUE));
		typed.setMaxResults(limit);
		return typed.getResultList();
	}

	/**
	 * Count the resources matching a query's filters.
	 * @param resource the resource
	 * @param query the parsed query
	 * @return the count
	 */
	public long count(ResourceDescriptor resource, QueryParameters query) {
		return count(resource, query, Restriction.NONE);
	}

	private long count(ResourceDescriptor resource, QueryParameters query, Restriction restriction) {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> criteria = builder.createQuery(Long.class);
		Root<?> root = criteria.from(resource.entityClass());
		// count(*) rather than count(id): the database need not read and null-check every key, and
		// PostgreSQL may answer it from any index. Filters on to-many relationships are subqueries,
		// so each row of the root is counted once either way.
		criteria.select((builder instanceof HibernateCriteriaBuilder hibernate) ? hibernate.count() : builder.count(root));
		criteria.where(matching(resource, query, restriction, root, criteria, builder));
		return query(criteria).getSingleResult();
	}

	/**
	 * One page of the members of one resource's to-many relationship, filtered, sorted and counted
	 * exactly like a top-level collection of the target resource: the query is a query on the
	 * target entity, restricted to the members of the owner.
	 * @param owner the resource owning the relationship
	 * @param ownerKey the key of the owning resource
	 * @param relationship the to-many relationship
	 * @param query the parsed query, against the target resource
	 * @return the page
	 */
	public PageResult findRelatedPage(ResourceDescriptor owner, Object ownerKey, RelationshipDescriptor relationship,
			QueryParameters query) {
		return findPage(targetOf(relationship), query, memberOf(owner, ownerKey, relationship));
	}

	/**
	 * The members of one resource's to-many relationship matching a query's filters, without
	 * paging (for {@code filter[single]}, at most {@code limit} rows).
	 * @param owner the resource owning the relationship
	 * @param ownerKey the key of the owning resource
	 * @param relationship the to-many relationship
	 * @param query the parsed query, against the target resource
	 * @param limit the most rows to read
	 * @return the rows
	 */
	public List<Object> findRelatedMatching(ResourceDescriptor owner, Object ownerKey,
			RelationshipDescriptor relationship, QueryParameters query, int limit) {
		return select(targetOf(relationship), query, 0, limit, memberOf(owner, ownerKey, relationship), false);
	}

	/**
	 * One member of one resource's to-many relationship (one statement).
	 * @param owner the resource owning the relationship
	 * @param ownerKey the key of the owning resource
	 * @param relationship the to-many relationship
	 * @param memberKey the key of the member, already converted to the target's id type
	 * @return the member, or empty when no member has that key
	 */
	public Optional<Object> findRelatedMember(ResourceDescriptor owner, Object ownerKey,
			RelationshipDescriptor relationship, Object memberKey) {
		ResourceDescriptor target = targetOf(relationship);
		Restriction membership = memberOf(owner, ownerKey, relationship);
		Restriction restriction = (root, criteria, builder) -> builder.and(
				AttributePaths.keyEquals(builder, root, target.id(), memberKey),
				membership.predicate(root, criteria, builder));
		List<Object> found = select(target, QueryParser.defaults(target), 0, 1, restriction, false);
		return found.stream().findFirst();
	}

	/**
	 * Restricts a query on the target of a to-many relationship to the members of one owner, with a
	 * subquery on the owner's side so that it works for every mapping (foreign key on either side
	 * or join table) and leaves the query's root free for filters and sorting.
	 */
	private Restriction memberOf(ResourceDescriptor owner, Object ownerKey, RelationshipDescriptor relationship) {
		ResourceDescriptor target = targetOf(relationship);
		if (owner.id().composite() || target.id().composite()) {
			return compositeMemberOf(owner, ownerKey, relationship, target);
		}
		// The subquery is typed with the id's type: Hibernate refuses to compare a key with Object.
		@SuppressWarnings("unchecked")
		Class<Object> keyType = (Class<Object>) ClassUtils.resolvePrimitiveIfNecessary(target.id().javaType());
		return (root, criteria, builder) -> {
			Subquery<Object> members = criteria.subquery(keyType);
			Root<?> owners = members.from(owner.entityClass());
			Join<?, ?> member = owners.join(relationship.attributeName());
			members.select(member.get(target.id().attributeName()))
				.where(builder.equal(owners.get(owner.id().attributeName()), ownerKey));
			return root.get(target.id().attributeName()).in(members);
		};
	}

	/**
	 * {@link #memberOf} where a key is composite: a correlated {@code EXISTS}, as a composite key
	 * cannot be compared with the rows of a subquery portably.
	 */
	private static Restriction compositeMemberOf(ResourceDescriptor owner, Object ownerKey,
			RelationshipDescriptor relationship, ResourceDescriptor target) {
		return (root, criteria, builder) -> {
			Subquery<Integer> members = criteria.subquery(Integer.class);
			Root<?> owners = members.from(owner.entityClass());
			Join<?, ?> member = owners.join(relationship.attributeName());
			List<Predicate> conditions = new ArrayList<>();
			conditions.add(AttributePaths.keyEquals(builder, owners, owner.id(), ownerKey));
			List<Path<?>> memberKey = AttributePaths.keyPaths(member, target.id());
			List<Path<?>> rootKey = AttributePaths.keyPaths(root, target.id());
			for (int index = 0; index < memberKey.size(); index++) {
				conditions.add(builder.equal(memberKey.get(index), rootKey.get(index)));
			}
			members.select(builder.literal(1)).where(conditions.toArray(Predicate[]::new));
			return builder.exists(members);
		};
	}

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

	/**
	 * One resource by its key (one statement).
	 * @param resource the resource
	 * @param key the key, already converted to the id type
	 * @return the entity, or empty
	 */
	public Optional<Object> findByKey(ResourceDescriptor resource, Object key) {
		if (this.scoping.restricts(resource)) {
			return findInScope(resource, List.of(key), null).stream().findFirst();
		}
		if (resource.id().entityId()) {
			return Optional.ofNullable(this.entityManager.find(resource.entityClass(), key));
		}
		List<Object> found = findByKeys(resource, List.of(key));
		return found.stream().findFirst();
	}

	/**
	 * One resource by its key with one of its collections fetched in the same statement.
	 * @param resource the resource
	 * @param key the key, already converted to the id type
	 * @param collection the attribute name of a to-many relationship to fetch
	 * @return the entity, or empty
	 */
	public Optional<Object> findByKeyFetching(ResourceDescriptor resource, Object key, String collection) {
		if (this.scoping.restricts(resource)) {
			return findInScope(resource, List.of(key), collection).stream().findFirst();
		}
		if (resource.id().composite()) {
			String jpql = "select e from " + resource.entityName() + " e left join fetch e." + collection
					+ eagerFetches(resource, "e") + " where " + KeyLists.condition("e", resource.id(), 1);
			return KeyLists.bind(this.entityManager.createQuery(jpql, Object.class), List.of(key), resource.id())
				.getResultList()
				.stream()
				.findFirst();
		}
		String jpql = "select e from " + resource.entityName() + " e left join fetch e." + collection
				+ eagerFetches(resource, "e") + " where e." + resource.id().attributeName() + " = :key";
		return this.entityManager.createQuery(jpql, Object.class)
			.setParameter("key", key)
			.getResultList()
			.stream()
			.findFirst();
	}

	/**
	 * Resources by a batch of keys, in one statement per {@value KeyLists#MAX_KEYS} keys.
	 * @param resource the resource
	 * @param keys the keys
	 * @return the entities found, in no particular order
	 */
	public List<Object> findByKeys(ResourceDescriptor resource, Collection<?> keys) {
		if (this.scoping.restricts(resource)) {
			return findInScope(resource, keys, null);
		}
		List<Object> found = new ArrayList<>();
		for (List<Object> batch : KeyLists.batches(keys)) {
			String jpql = this.keysQueries.computeIfAbsent(new KeysQuery(resource, batch.size()),
					(query) -> "select e from " + resource.entityName() + " e" + eagerFetches(resource, "e")
							+ " where " + KeyLists.condition("e", resource.id(), query.keys()));
			found.addAll(KeyLists.bind(this.entityManager.createQuery(jpql, Object.class), batch, resource.id())
				.getResultList());
		}
		return found;
	}

	/**
	 * Resources by keys among the rows of the caller's scope, in one statement per
	 * {@value KeyLists#MAX_KEYS} keys: the query of {@link #findByKeys} with the scope's predicate,
	 * built as criteria because the scope is.
	 */
	private List<Object> findInScope(ResourceDescriptor resource, Collection<?> keys, @Nullable String collection) {
		List<Object> found = new ArrayList<>();
		for (List<Object> batch : KeyLists.batches(keys)) {
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			CriteriaQuery<Object> criteria = builder.createQuery(Object.class);
			Root<?> root = criteria.from(resource.entityClass());
			if (collection != null) {
				root.fetch(collection, JoinType.LEFT);
			}
			for (String association : resource.eagerAssociations()) {
				root.fetch(association, JoinType.LEFT);
			}
			criteria.select(root)
				.where(builder.and(keyIn(builder, root, resource.id(), batch),
						this.scoping.onRoot(resource, root, builder)));
			found.addAll(query(criteria).getResultList());
		}
		return found;
	}

	/**
	 * @param resource a resource
	 * @return whether the caller's rows of it are restricted by a scope
	 */
	public boolean restricts(ResourceDescriptor resource) {
		return this.scoping.restricts(resource);
	}

	/**
	 * Whether a row is in the caller's scope of its resource (one statement, none when the
	 * resource is not restricted): a write must not leave the row it writes outside it.
	 * @param resource the resource
	 * @param key the row's key
	 * @return whether the caller may reach the row
	 */
	public boolean inScope(ResourceDescriptor resource, Object key) {
		if (!this.scoping.restricts(resource)) {
			return true;
		}
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> criteria = builder.createQuery(Long.class);
		Root<?> root = criteria.from(resource.entityClass());
		criteria.select(builder.count(root))
			.where(builder.and(AttributePaths.keyEquals(builder, root, resource.id(), key),
					this.scoping.onRoot(resource, root, builder)));
		return query(criteria).getSingleResult() > 0;
	}

	private static Predicate keyIn(CriteriaBuilder builder, Root<?> root, IdDescriptor id, List<Object> keys) {
		if (!id.composite()) {
			return root.get(id.attributeName()).in(keys);
		}
		Predicate[] alternatives = new Predicate[keys.size()];
		for (int index = 0; index < alternatives.length; index++) {
			alternatives[index] = AttributePaths.keyEquals(builder, root, id, keys.get(index));
		}
		return builder.or(alternatives);
	}

	/**
	 * The members of a to-many relationship for a batch of resources, in one statement per
	 * {@value KeyLists#MAX_KEYS} resources. Members are ordered by their key.
	 * @param resource the resource owning the relationship
	 * @param relationship the to-many relationship
	 * @param parentKeys keys of the owning resources
	 * @param loadMembers whether to load the member entities (for {@code include}) or only their keys
	 * @return for each owning key, the member entities or keys; owners without members are absent
	 */
	public Map<Object, List<Object>> toManyMembers(ResourceDescriptor resource, RelationshipDescriptor relationship,
			Collection<?> parentKeys, boolean loadMembers) {
		Map<Object, List<Object>> members = new LinkedHashMap<>();
		boolean scoped = this.scoping.restricts(targetOf(relationship));
		for (List<Object> batch : KeyLists.batches(parentKeys)) {
			List<Object[]> rows;
			if (scoped) {
				rows = membersInScope(resource, relationship, loadMembers, batch);
			}
			else {
				String jpql = this.linkageQueries.computeIfAbsent(
						new LinkageQuery(relationship, loadMembers, batch.size()),
						(query) -> linkageQuery(resource, relationship, loadMembers, query.keys()));
				rows = KeyLists.bind(this.entityManager.createQuery(jpql, Object[].class), batch, resource.id())
					.getResultList();
			}
			IdDescriptor ownerId = resource.id();
			IdDescriptor memberId = targetOf(relationship).id();
			int memberColumn = ownerId.composite() ? ownerId.components().size() : 1;
			for (Object[] row : rows) {
				Object member = loadMembers ? row[memberColumn] : KeyLists.read(row, memberColumn, memberId);
				members.computeIfAbsent(KeyLists.read(row, 0, ownerId), (key) -> new ArrayList<>()).add(member);
			}
		}
		return members;
	}

	/**
	 * The rows of a linkage query whose members are restricted to the caller's scope: the owner's
	 * key, then the member or its key, built as criteria because the scope is.
	 */
	private List<Object[]> membersInScope(ResourceDescriptor resource, RelationshipDescriptor relationship,
			boolean loadMembers, List<Object> batch) {
		ResourceDescriptor target = targetOf(relationship);
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Object[]> criteria = builder.createQuery(Object[].class);
		Root<?> owners = criteria.from(resource.entityClass());
		Join<?, ?> member = owners.join(relationship.attributeName());
		List<Selection<?>> selections = new ArrayList<>(AttributePaths.keyPaths(owners, resource.id()));
		List<Path<?>> memberKey = AttributePaths.keyPaths(member, target.id());
		if (loadMembers) {
			for (String association : target.eagerAssociations()) {
				member.fetch(association, JoinType.LEFT);
			}
			selections.add(member);
		}
		else {
			selections.addAll(memberKey);
		}
		Predicate visible = this.scoping.onJoined(target, member, criteria, builder);
		criteria.multiselect(selections)
			.where(builder.and(keyIn(builder, owners, resource.id(), batch),
					(visible != null) ? visible : builder.conjunction()))
			.orderBy(memberKey.stream().map(builder::asc).toList());
		return query(criteria).getResultList();
	}

	/**
	 * The JPQL of a linkage query. When the members point back at their owner with a to-one
	 * association (a one-to-many mapped by it), the query reads the members' foreign key and never
	 * joins the owner's table; otherwise it joins through the owner.
	 */
	private String linkageQuery(ResourceDescriptor resource, RelationshipDescriptor relationship,
			boolean loadMembers, int keys) {
		ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
		// Composite keys are selected and ordered by their components, in the order of the id text.
		String memberKey = String.join(", ", KeyLists.expressions("m", target.id()));
		String selected = loadMembers ? "m" : memberKey;
		String fetches = loadMembers ? eagerFetches(target, "m") : "";
		String inverse = relationship.inverseAttributeName();
		if (inverse != null && resource.id().entityId() && isToOne(target.entityClass(), inverse)) {
			String owner = "m." + inverse;
			return "select " + String.join(", ", KeyLists.expressions(owner, resource.id())) + ", " + selected
					+ " from " + target.entityName() + " m" + fetches + " where "
					+ KeyLists.condition(owner, resource.id(), keys) + " order by " + memberKey;
		}
		return "select " + String.join(", ", KeyLists.expressions("p", resource.id())) + ", " + selected + " from "
				+ resource.entityName() + " p join p." + relationship.attributeName() + " m" + fetches + " where "
				+ KeyLists.condition("p", resource.id(), keys) + " order by " + memberKey;
	}

	private static boolean isToOne(Class<?> entityClass, String attribute) {
		Field field = ReflectionUtils.findField(entityClass, attribute);
		return field != null && !Collection.class.isAssignableFrom(field.getType()) && !field.getType().isArray();
	}

	/**
	 * Fetch joins of a resource's eager to-one associations: without them Hibernate would load each
	 * of them with its own statement after a batch of entities is read.
	 */
	private static String eagerFetches(ResourceDescriptor resource, String alias) {
		StringBuilder fetches = new StringBuilder();
		for (String association : resource.eagerAssociations()) {
			fetches.append(" left join fetch ").append(alias).append('.').append(association);
		}
		return fetches.toString();
	}

	/**
	 * Compute functions over the resources matching a query's filters, in one statement.
	 * @param resource the resource
	 * @param query the parsed query (only its filters apply)
	 * @param functions the functions, already checked against the resource
	 * @return the results, in the order of the functions ({@code null} where there is nothing to
	 * compute over, as the average of no rows)
	 */
	public List<@Nullable Object> evaluate(ResourceDescriptor resource, QueryParameters query,
			List<FunctionCall> functions) {
		if (functions.isEmpty()) {
			return List.of();
		}
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> criteria = builder.createTupleQuery();
		Root<?> root = criteria.from(resource.entityClass());
		List<Selection<?>> selections = new ArrayList<>(functions.size());
		for (FunctionCall call : functions) {
			selections.add(selection(call, root, criteria, builder));
		}
		criteria.multiselect(selections);
		criteria.where(builder.and(this.predicates.build(resource, query.filters(), root, criteria, builder),
				this.scoping.onRoot(resource, root, builder)));
		Tuple tuple = query(criteria).getSingleResult();
		List<Object> results = new ArrayList<>(functions.size());
		for (int index = 0; index < functions.size(); index++) {
			results.add(tuple.get(index));
		}
		return results;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Expression<?> selection(FunctionCall call, Root<?> root, CriteriaQuery<?> criteria,
			CriteriaBuilder builder) {
		if (call.field() == null) {
			return builder.count(root);
		}
		Expression<?> field = AttributePaths.path(this.registry, call.field(), root,
				this.scoping.joins(criteria, builder));
		return switch (call.function()) {
			case COUNT -> builder.count(field);
			case SUM -> builder.sum((Expression<Number>) field);
			case AVG -> builder.avg((Expression<Number>) field);
			case MIN -> builder.least((Expression<Comparable>) field);
			case MAX -> builder.greatest((Expression<Comparable>) field);
		};
	}

	/**
	 * An extra condition on the root of a query.
	 */
	@FunctionalInterface
	private interface Restriction {

		Restriction NONE = (root, criteria, builder) -> builder.conjunction();

		Predicate predicate(Root<?> root, CriteriaQuery<?> criteria, CriteriaBuilder builder);

	}

	/**
	 * A page of rows and the total number of matching rows.
	 *
	 * @param rows the entities of the page
	 * @param total the number of matching rows in the whole collection, or {@code null} when none
	 * was asked for
	 * @param hasNext whether a page follows this one
	 */
	public record PageResult(List<Object> rows, @Nullable PageTotal total, boolean hasNext) {
	}

	/** The key of a cached linkage query. */
	private record LinkageQuery(RelationshipDescriptor relationship, boolean loadMembers, int keys) {
	}

	/** The key of a cached query of resources by keys. */
	private record KeysQuery(ResourceDescriptor resource, int keys) {
	}

	/**
	 * A cursor page.
	 *
	 * @param rows the entities of the page, in the order of the cursor keys
	 * @param more whether more rows lie beyond the page in the direction of travel
	 */
	public record CursorPage(List<Object> rows, boolean more) {
	}

}
