package dev.restless.query.filter;

import java.util.List;

import dev.restless.metamodel.ResourceDescriptor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * Turns parsed filters into a JPA criteria predicate. Values are always bound as parameters.
 */
public class FilterPredicateBuilder {

	/**
	 * Build the predicate of a list of filters (combined with AND).
	 * @param resource the filtered resource
	 * @param filters the filters
	 * @param root the query root
	 * @param query the query
	 * @param builder the criteria builder
	 * @return the predicate
	 */
	public Predicate build(ResourceDescriptor resource, List<Filter> filters, Root<?> root, CriteriaQuery<?> query,
			CriteriaBuilder builder) {
		if (!filters.isEmpty()) {
			throw new UnsupportedOperationException("Filters are not supported");
		}
		return builder.conjunction();
	}

}
