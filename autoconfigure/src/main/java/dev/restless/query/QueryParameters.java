package dev.restless.query;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.query.Filter;
import org.jspecify.annotations.Nullable;

/**
 * The parsed query of a request: filters, sort, page, include and sparse fieldsets. Immutable; a
 * preprocessor changes the query by giving its context a new one built with the {@code with...}
 * methods.
 *
 * @param filters the filters, combined with AND
 * @param singleResult whether {@code filter[single]=1} asks for exactly one resource
 * @param sort the sort keys, in order (empty for the default: primary key ascending)
 * @param page the requested page
 * @param include the include paths, or {@code null} when the client gave none (the resource's
 * default includes apply)
 * @param fields sparse fieldsets by type
 */
public record QueryParameters(List<Filter> filters, boolean singleResult, List<SortField> sort, PageParameters page,
		@Nullable List<String> include, Map<String, Set<String>> fields) {

	public QueryParameters {
		filters = List.copyOf(filters);
		sort = List.copyOf(sort);
		include = (include != null) ? List.copyOf(include) : null;
		fields = Map.copyOf(fields);
	}

	/**
	 * This query with other filters.
	 * @param filters the filters
	 * @return a new query
	 */
	public QueryParameters withFilters(List<Filter> filters) {
		return new QueryParameters(filters, this.singleResult, this.sort, this.page, this.include, this.fields);
	}

	/**
	 * This query with another sort.
	 * @param sort the sort keys
	 * @return a new query
	 */
	public QueryParameters withSort(List<SortField> sort) {
		return new QueryParameters(this.filters, this.singleResult, sort, this.page, this.include, this.fields);
	}

	/**
	 * This query with another page.
	 * @param page the page
	 * @return a new query
	 */
	public QueryParameters withPage(PageParameters page) {
		return new QueryParameters(this.filters, this.singleResult, this.sort, page, this.include, this.fields);
	}

	/**
	 * This query with other include paths.
	 * @param include the paths, or {@code null} for the resource's defaults
	 * @return a new query
	 */
	public QueryParameters withInclude(@Nullable List<String> include) {
		return new QueryParameters(this.filters, this.singleResult, this.sort, this.page, include, this.fields);
	}

	/**
	 * This query with other sparse fieldsets.
	 * @param fields fieldsets by type
	 * @return a new query
	 */
	public QueryParameters withFields(Map<String, Set<String>> fields) {
		return new QueryParameters(this.filters, this.singleResult, this.sort, this.page, this.include, fields);
	}

}
