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
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.query.FunctionCall;
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
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.persistence.criteria.Subquery;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;

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

	/** Linkage queries by relationship and key count: built once, they are run for every page. */
	private final Map<LinkageQuery, String> linkageQueries = new ConcurrentHashMap<>();

	/** Queries of resources by keys, by resource and key count. */
	private final Map<KeysQuery, String> keysQueries = new ConcurrentHashMap<>();

	/**
	 * Create the queries.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param registry the exposed resources
	 * @param predicates builds filter predicates
	 */
	public ResourceQueries(EntityManager entityManager, ResourceRegistry registry, FilterPredicateBuilder predicates) {
		this.entityManager = entityManager;
		this.registry = registry;
		this.predicates = predicates;
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
		if (!countsTotal(resource, query)) {
			return new PageResult(page, null, hasNext);
		}
		// On the last page the total follows from the page, so only pages with a next one count.
		if (!hasNext && (!rows.isEmpty() || offset == 0)) {
			return new PageResult(page, offset + page.size(), false);
		}
		long total = count(resource, query, restriction);
		return new PageResult(page, total, offset + page.size() < total);
	}

	/**
	 * Whether a page of a query counts the matching resources: as {@code page[total]} asks, else
	 * as the resource is configured for offset pages; cursor pages count only when asked.
	 * @param resource the resource
	 * @param query the query
	 * @return whether to count
	 */
	public static boolean countsTotal(ResourceDescriptor resource, QueryParameters query) {
		if (query.page().total() != null) {
			return query.page().total();
		}
		return !query.page().cursor() && resource.includeTotal();
	}

	/**
	 * One cursor page: the resources after (or before) a cursor in the order of the cursor keys,
	 * found with a keyset condition instead of an offset, so a page deep in the collection costs
	 * what the first one does.
	 * @param resource the resource
	 * @param query the parsed query (filters and page size apply)
	 * @param keys the cursor keys, the id last ({@link dev.restless.internal.query.CursorPagination#keys})
	 * @param cursorValues the key values of the cursor, or {@code null} for the first page
	 * @param forward whether the page follows the cursor ({@code page[after]}) or precedes it
	 * @return the page, in the order of the keys, and whether more rows lie beyond it in the
	 * direction of travel
	 */
	public CursorPage findCursorPage(ResourceDescriptor resource, QueryParameters query, List<SortField> keys,
			List<Object> cursorValues, boolean forward) {
		int size = query.page().size();
		QueryParameters ordered = query.withSort(keys);
		Restriction keyset = (cursorValues == null) ? Restriction.NONE
				: (root, criteria, builder) -> keyset(resource, root, builder, keys, cursorValues, forward);
		List<Object> rows = select(resource, ordered, 0, size + 1, keyset, !forward);
		boolean more = rows.size() > size;
		List<Object> page = new ArrayList<>(more ? rows.subList(0, size) : rows);
		if (!forward) {
			Collections.reverse(page);
		}
		return new CursorPage(page, more);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate keyset(ResourceDescriptor resource, Root<?> root, CriteriaBuilder builder, List<SortField> keys,
			List<Object> values, boolean forward) {
		List<Predicate> alternatives = new ArrayList<>();
		for (int index = 0; index < keys.size(); index++) {
			List<Predicate> conditions = new ArrayList<>();
			for (int previous = 0; previous < index; previous++) {
				conditions.add(builder.equal(AttributePaths.resolve(this.registry, resource, root, keys.get(previous).path()),
						values.get(previous)));
			}
			Expression<Comparable> path = (Expression<Comparable>) AttributePaths.resolve(this.registry, resource, root,
					keys.get(index).path());
			Comparable value = (Comparable) values.get(index);
			boolean greater = keys.get(index).descending() != forward;
			conditions.add(greater ? builder.greaterThan(path, value) : builder.lessThan(path, value));
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
		if (offset >= DEEP_OFFSET) {
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
		criteria.where(builder.and(this.predicates.build(resource, query.filters(), root, criteria, builder),
				restriction.predicate(root, criteria, builder)));
		List<Order> orders = new ArrayList<>();
		boolean keySorted = false;
		for (SortField field : query.sort()) {
			var path = AttributePaths.resolve(this.registry, resource, root, field.path());
			orders.add((field.descending() != reversed) ? builder.desc(path) : builder.asc(path));
			keySorted |= field.path().equals("id");
		}
		if (!keySorted) {
			var id = root.get(resource.id().attributeName());
			orders.add(reversed ? builder.desc(id) : builder.asc(id));
		}
		criteria.orderBy(orders);
		return criteria;
	}

	private List<Object> run(CriteriaQuery<Object> criteria, long offset, int limit) {
		TypedQuery<Object> typed = this.entityManager.createQuery(criteria);
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
		criteria.where(builder.and(this.predicates.build(resource, query.filters(), root, criteria, builder),
				restriction.predicate(root, criteria, builder)));
		return this.entityManager.createQuery(criteria).getSingleResult();
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
				builder.equal(root.get(target.id().attributeName()), memberKey),
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
		List<Object> found = new ArrayList<>();
		for (List<Object> batch : KeyLists.batches(keys)) {
			String jpql = this.keysQueries.computeIfAbsent(new KeysQuery(resource, batch.size()),
					(query) -> "select e from " + resource.entityName() + " e" + eagerFetches(resource, "e")
							+ " where e." + resource.id().attributeName() + " in " + KeyLists.parameters(query.keys()));
			found.addAll(KeyLists.bind(this.entityManager.createQuery(jpql, Object.class), batch).getResultList());
		}
		return found;
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
		for (List<Object> batch : KeyLists.batches(parentKeys)) {
			String jpql = this.linkageQueries.computeIfAbsent(
					new LinkageQuery(relationship, loadMembers, batch.size()),
					(query) -> linkageQuery(resource, relationship, loadMembers, KeyLists.parameters(query.keys())));
			List<Object[]> rows = KeyLists.bind(this.entityManager.createQuery(jpql, Object[].class), batch)
				.getResultList();
			for (Object[] row : rows) {
				members.computeIfAbsent(row[0], (key) -> new ArrayList<>()).add(row[1]);
			}
		}
		return members;
	}

	/**
	 * The JPQL of a linkage query. When the members point back at their owner with a to-one
	 * association (a one-to-many mapped by it), the query reads the members' foreign key and never
	 * joins the owner's table; otherwise it joins through the owner.
	 */
	private String linkageQuery(ResourceDescriptor resource, RelationshipDescriptor relationship,
			boolean loadMembers, String keys) {
		ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
		String memberKey = "m." + target.id().attributeName();
		String selected = loadMembers ? "m" : memberKey;
		String fetches = loadMembers ? eagerFetches(target, "m") : "";
		String inverse = relationship.inverseAttributeName();
		if (inverse != null && resource.id().entityId() && isToOne(target.entityClass(), inverse)) {
			String ownerKey = "m." + inverse + "." + resource.id().attributeName();
			return "select " + ownerKey + ", " + selected + " from " + target.entityName() + " m" + fetches + " where "
					+ ownerKey + " in " + keys + " order by " + memberKey;
		}
		String parentKey = "p." + resource.id().attributeName();
		return "select " + parentKey + ", " + selected + " from " + resource.entityName() + " p join p."
				+ relationship.attributeName() + " m" + fetches + " where " + parentKey + " in " + keys + " order by "
				+ memberKey;
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
	public List<Object> evaluate(ResourceDescriptor resource, QueryParameters query, List<FunctionCall> functions) {
		if (functions.isEmpty()) {
			return List.of();
		}
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> criteria = builder.createTupleQuery();
		Root<?> root = criteria.from(resource.entityClass());
		List<Selection<?>> selections = new ArrayList<>(functions.size());
		for (FunctionCall call : functions) {
			selections.add(selection(call, root, builder));
		}
		criteria.multiselect(selections);
		criteria.where(this.predicates.build(resource, query.filters(), root, criteria, builder));
		Tuple tuple = this.entityManager.createQuery(criteria).getSingleResult();
		List<Object> results = new ArrayList<>(functions.size());
		for (int index = 0; index < functions.size(); index++) {
			results.add(tuple.get(index));
		}
		return results;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Expression<?> selection(FunctionCall call, Root<?> root, CriteriaBuilder builder) {
		if (call.field() == null) {
			return builder.count(root);
		}
		Expression<?> field = AttributePaths.path(this.registry, call.field(), root);
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
	 * @param total the number of matching rows in the whole collection, or {@code null} when it
	 * was not counted
	 * @param hasNext whether a page follows this one
	 */
	public record PageResult(List<Object> rows, Long total, boolean hasNext) {
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
