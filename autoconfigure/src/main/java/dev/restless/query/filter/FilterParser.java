package dev.restless.query.filter;

import java.util.List;
import java.util.Map;

import dev.restless.document.JsonApiException;
import dev.restless.metamodel.ResourceDescriptor;

/**
 * Parses the {@code filter[...]} query parameters of a request.
 */
public class FilterParser {

	/**
	 * Parse the filter parameters.
	 * @param resource the resource being filtered
	 * @param parameters the filter parameters by the key inside the brackets (for example
	 * {@code objects} for {@code filter[objects]})
	 * @return the filters
	 */
	public Result parse(ResourceDescriptor resource, Map<String, String> parameters) {
		for (String key : parameters.keySet()) {
			throw JsonApiException.badParameter("filter[" + key + "]", "Unknown filter parameter 'filter[" + key + "]'");
		}
		return new Result(List.of(), false);
	}

	/**
	 * The parsed filters.
	 *
	 * @param filters the filters, combined with AND
	 * @param singleResult whether exactly one result is asked for
	 */
	public record Result(List<Filter> filters, boolean singleResult) {
	}

}
