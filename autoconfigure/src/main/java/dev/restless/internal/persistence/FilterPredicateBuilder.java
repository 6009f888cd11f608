package dev.restless.internal.persistence;

import dev.restless.query.Filter;
import dev.restless.internal.query.FilterOperators;
import dev.restless.internal.query.FilterCompiler;
import java.util.ArrayList;
import java.util.List;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.query.InvalidQueryException;
import dev.restless.internal.query.QueryField;
import dev.restless.internal.query.FilterCompiler.Compiled;
import dev.restless.internal.query.FilterCompiler.RelatedTarget;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * Turns parsed filters into a JPA criteria predicate. Values are converted to the type of their
 * field and always bound as parameters; field names are checked against the exposed resources
 * again, so filters set by preprocessors obey the same rules as the client's. Relationship
 * filters ({@code has}, {@code any}) become {@code EXISTS} subqueries, so they never duplicate
 * rows of a page or change its count.
 */
public class FilterPredicateBuilder {

	private final FilterCompiler compiler;

	private final FilterOperators operators;

	private final RowScoping scoping;

	/**
	 * Create a builder.
	 * @param registry the exposed resources
	 * @param operators the operators of the language
	 * @param scoping the caller's row scopes, which the rows a filter reaches through a
	 * relationship obey as well
	 */
	public FilterPredicateBuilder(ResourceRegistry registry, FilterOperators operators, RowScoping scoping) {
		this.compiler = new FilterCompiler(registry, operators, Integer.MAX_VALUE);
		this.operators = operators;
		this.scoping = scoping;
	}

	/**
	 * Whether the predicate of filters depends on the filters alone: built-in operators do, an
	 * application's operator may build its condition from the caller or the time too.
	 * @param filters the filters
	 * @return whether equal filters always make the same predicate
	 */
	boolean dependsOnFiltersAlone(List<Filter> filters) {
		return this.operators.builtInOnly(filters);
	}

	/**
	 * Build the predicate of a list of filters (combined with AND), for any query whose root (or
	 * join) is of the filtered resource: a collection, a to-many related collection, a
	 * relationship's linkage, a function evaluation.
	 * @param resource the filtered resource
	 * @param filters the filters
	 * @param root the root or join standing for the filtered resource
	 * @param query the query or subquery the predicate belongs to
	 * @param builder the criteria builder
	 * @return the predicate
	 * @throws JsonApiException {@code 400} when a filter is invalid (only filters set by a
	 * preprocessor can be: the client's are checked when parsed)
	 */
	public Predicate build(ResourceDescriptor resource, List<Filter> filters, From<?, ?> root, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		if (filters.isEmpty()) {
			return builder.conjunction();
		}
		try {
			return builder.and(all(resource, filters, root, query, builder));
		}
		catch (InvalidQueryException ex) {
			throw JsonApiException.badParameter("filter[objects]", ex.getMessage());
		}
	}

	private Predicate[] all(ResourceDescriptor resource, List<Filter> filters, From<?, ?> from,
			AbstractQuery<?> query, CriteriaBuilder builder) {
		List<Predicate> predicates = new ArrayList<>(filters.size());
		for (Filter filter : filters) {
			predicates.add(predicate(resource, filter, from, query, builder));
		}
		return predicates.toArray(Predicate[]::new);
	}

	private Predicate predicate(ResourceDescriptor resource, Filter filter, From<?, ?> from, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		if (filter instanceof Filter.Comparison comparison) {
			return value(this.compiler.value(resource, comparison.field(), comparison.operator(), comparison.value(),
					true), from, query, builder);
		}
		if (filter instanceof Filter.Unary unary) {
			return value(this.compiler.value(resource, unary.field(), unary.operator(), null, false), from, query,
					builder);
		}
		if (filter instanceof Filter.FieldComparison comparison) {
			Compiled compiled = this.compiler.fields(resource, comparison);
			return compiled.operator()
				.compareFields(builder, expression(compiled.field(), from, query, builder),
						expression(compiled.otherField(), from, query, builder));
		}
		if (filter instanceof Filter.Related related) {
			return exists(this.compiler.related(resource, related), related.condition(), from, query, builder);
		}
		if (filter instanceof Filter.And and) {
			return builder.and(all(resource, and.filters(), from, query, builder));
		}
		if (filter instanceof Filter.Or or) {
			return or.filters().isEmpty() ? builder.disjunction()
					: builder.or(all(resource, or.filters(), from, query, builder));
		}
		if (filter instanceof Filter.Not not) {
			return builder.not(predicate(resource, not.filter(), from, query, builder));
		}
		throw new IllegalArgumentException("Unknown filter " + filter);
	}

	private Predicate value(Compiled compiled, From<?, ?> from, AbstractQuery<?> query, CriteriaBuilder builder) {
		IdDescriptor compositeKey = compiled.field().compositeKey(this.compiler.registry());
		if (compositeKey != null) {
			return compositeKey(compiled, compositeKey, from, query, builder);
		}
		return compiled.operator()
			.toPredicate(builder, expression(compiled.field(), from, query, builder), compiled.argument());
	}

	/**
	 * A filter on a composite key, as the compiler checked it: equality of every component, an
	 * {@code OR} of such equalities for a list, or nullness of the foreign key.
	 */
	private Predicate compositeKey(Compiled compiled, IdDescriptor key, From<?, ?> from, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		QueryField field = compiled.field();
		List<Path<?>> paths = AttributePaths.keyPaths(this.compiler.registry(), field.origin(), from,
				field.memberPath(), this.scoping.joins(query, builder));
		String operator = compiled.operator().name();
		return switch (operator) {
			case "is_null" -> builder.isNull(paths.get(0));
			case "is_not_null" -> builder.isNotNull(paths.get(0));
			case "==" -> equal(builder, paths, key, compiled.argument());
			case "!=" -> builder.not(equal(builder, paths, key, compiled.argument()));
			case "in", "not_in" -> {
				List<Predicate> alternatives = new ArrayList<>();
				for (Object value : (List<?>) compiled.argument()) {
					alternatives.add(equal(builder, paths, key, value));
				}
				Predicate any = alternatives.isEmpty() ? builder.disjunction()
						: builder.or(alternatives.toArray(Predicate[]::new));
				yield operator.equals("in") ? any : builder.not(any);
			}
			default -> throw new IllegalStateException("Operator '" + operator + "' on a composite key");
		};
	}

	private static Predicate equal(CriteriaBuilder builder, List<Path<?>> paths, IdDescriptor key, Object value) {
		List<Object> values = key.values(value);
		Predicate[] equalities = new Predicate[paths.size()];
		for (int index = 0; index < equalities.length; index++) {
			equalities[index] = builder.equal(paths.get(index), values.get(index));
		}
		return builder.and(equalities);
	}

	private Expression<?> expression(QueryField field, From<?, ?> from, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		return AttributePaths.path(this.compiler.registry(), field, from, this.scoping.joins(query, builder));
	}

	/**
	 * {@code EXISTS (SELECT ... FROM the related resources of the correlated row WHERE condition)}.
	 */
	private Predicate exists(RelatedTarget related, Filter condition, From<?, ?> from, AbstractQuery<?> query,
			CriteriaBuilder builder) {
		Subquery<Object> subquery = query.subquery(Object.class);
		From<?, ?> correlated = correlate(subquery, from);
		Join<?, ?> join = correlated.join(related.relationship().relationship().attributeName());
		ResourceDescriptor target = related.target();
		// EXISTS reads no column: any one of the key does, a composite key's first component too
		@SuppressWarnings("unchecked")
		Expression<Object> selected = (Expression<Object>) AttributePaths.keyPaths(join, target.id()).get(0);
		subquery.select(selected);
		Predicate visible = this.scoping.onJoined(target, join, subquery, builder);
		Predicate matches = predicate(target, condition, join, subquery, builder);
		// a related row outside the caller's scope is no related row
		subquery.where((visible != null) ? builder.and(visible, matches) : matches);
		return builder.exists(subquery);
	}

	private static From<?, ?> correlate(Subquery<?> subquery, From<?, ?> from) {
		if (from instanceof Root<?> root) {
			return subquery.correlate(root);
		}
		if (from instanceof Join<?, ?> join) {
			return subquery.correlate(join);
		}
		throw new IllegalArgumentException("Cannot correlate a subquery with " + from);
	}

}
