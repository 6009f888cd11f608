package dev.restless.internal.service;

import java.util.Map;
import java.util.Set;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.query.QueryParser;
import dev.restless.query.QueryParameters;

/**
 * The query of a relationship endpoint. Reading to-many linkage takes filters and a sort (the
 * linkage of the members that match, in that order); nothing else applies to linkage, and
 * changing a relationship takes no query at all.
 */
final class RelationshipQueries {

	private RelationshipQueries() {
	}

	static QueryParameters parse(QueryParser parser, ResourceDescriptor target, Map<String, String[]> parameters,
			boolean filterable) {
		for (String name : parameters.keySet()) {
			boolean filtering = name.equals("sort") || name.startsWith("filter[");
			if ((filtering && !filterable) || name.equals("include") || name.startsWith("page[")
					|| name.startsWith("fields[")) {
				throw JsonApiException.badParameter(name, "Query parameter '" + name
						+ "' is not supported on this relationship endpoint, which answers with the complete linkage");
			}
		}
		return parser.parse(target, parameters, Set.of());
	}

}
