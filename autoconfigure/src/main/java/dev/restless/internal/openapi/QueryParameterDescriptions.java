package dev.restless.internal.openapi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.query.AggregateFunction;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The query parameters of the endpoints: {@code include}, {@code fields[type]}, {@code sort}, the
 * filters, the page parameters and the functions of the eval endpoint, each listing what the
 * resource accepts.
 */
final class QueryParameterDescriptions {

	private final ResourceTypes types;

	private final List<String> filterOperators;

	/**
	 * Create the descriptions.
	 * @param types the resources and the types they reach
	 * @param filterOperators the names of the filter operators, custom ones included
	 */
	QueryParameterDescriptions(ResourceTypes types, List<String> filterOperators) {
		this.types = types;
		this.filterOperators = filterOperators;
	}

	/**
	 * {@code include} and {@code fields[type]} for a document whose primary data is of a resource.
	 * @param resource the resource of the primary data
	 * @return the parameters
	 */
	List<Parameter> compound(ResourceDescriptor resource) {
		List<Parameter> parameters = new ArrayList<>();
		List<String> paths = this.types.includePaths(resource);
		if (!resource.relationships().isEmpty()) {
			Schema<Object> items = paths.isEmpty() ? JsonSchemas.string() : enumeration(paths);
			String defaults = resource.defaultIncludes().isEmpty() ? "nothing"
					: String.join(",", resource.defaultIncludes());
			parameters.add(list("include", items, "Related resources to include in 'included': relationship paths, "
					+ "dotted, at most " + this.types.maxIncludeDepth() + " deep. Without it the resource includes "
					+ defaults + "."));
		}
		Set<ResourceDescriptor> shown = new LinkedHashSet<>(this.types.servedAs(resource));
		shown.addAll(this.types.includable(resource));
		for (ResourceDescriptor type : shown) {
			List<String> fields = new ArrayList<>();
			type.attributes().values().stream().filter((attribute) -> !attribute.writeOnly())
				.forEach((attribute) -> fields.add(attribute.name()));
			fields.addAll(type.relationships().keySet());
			if (!fields.isEmpty()) {
				parameters.add(list("fields[" + type.type() + "]", enumeration(fields),
						"Sparse fieldset: only these attributes and relationships of '" + type.type() + "'"));
			}
		}
		return parameters;
	}

	/**
	 * The parameters of a collection: filters, sort and pages.
	 * @param resource the resource of the collection
	 * @param cursors whether the collection also pages with cursors (top-level collections only)
	 * @return the parameters
	 */
	List<Parameter> collection(ResourceDescriptor resource, boolean cursors) {
		List<Parameter> parameters = new ArrayList<>(filters(resource));
		parameters.add(list("sort", enumeration(sortFields(resource)), "Sort keys in order, each ascending or, "
				+ "with '-', descending; the id is always the last key. Null sorts after every value."));
		Schema<Object> number = JsonSchemas.integer();
		number.setMinimum(BigDecimal.ONE);
		parameters.add(query("page[number]", number, "The page, from 1"));
		Schema<Object> size = JsonSchemas.integer();
		size.setMinimum(BigDecimal.ONE);
		size.setMaximum(BigDecimal.valueOf(resource.maxPageSize()));
		size.setDefault(resource.pageSize());
		parameters.add(query("page[size]", size, "Resources per page, at most " + resource.maxPageSize()));
		parameters.add(query("page[total]", enumeration(List.of("exact", "estimated", "none", "true", "false")),
				"What meta.total says: 'exact' counts the matching resources, 'estimated' gives the database's "
						+ "estimate when it is at least " + resource.estimatedTotalThreshold()
						+ " (then meta.totalEstimated is true and there is no last link"
						+ keptEstimates(resource)
						+ "), 'none' leaves it out; "
						+ "'true' and 'false' mean 'exact' and 'none'. Offset pages default to '"
						+ resource.total().name().toLowerCase(Locale.ROOT)
						+ "', cursor pages to 'none'."));
		if (cursors) {
			parameters.add(query("page[after]", JsonSchemas.string(), "Cursor pagination: the page after the "
					+ "resource with this cursor (meta.page.cursor of a resource object)"));
			parameters.add(query("page[before]", JsonSchemas.string(),
					"Cursor pagination: the page before the resource with this cursor"));
		}
		return parameters;
	}

	/**
	 * The filter parameters of a resource.
	 * @param resource the resource
	 * @return {@code filter[objects]}, {@code filter[single]} and the simple filters
	 */
	List<Parameter> filters(ResourceDescriptor resource) {
		List<Parameter> parameters = new ArrayList<>();
		Parameter objects = query("filter[objects]", JsonSchemas.string(), "A JSON array of filter objects, all of "
				+ "which must match. A filter object is {\"name\": field, \"op\": operator, \"val\": value}, "
				+ "{\"name\": field, \"op\": operator, \"field\": other field}, {\"name\": field, \"op\": "
				+ "\"is_null\"}, {\"name\": relationship, \"op\": \"has\" or \"any\", \"val\": filter object}, "
				+ "{\"and\": [filter objects]}, {\"or\": [filter objects]} or {\"not\": filter object}. Fields are "
				+ "'id', attributes, members of embedded attributes and dotted paths through to-one relationships. "
				+ "Operators: " + String.join(", ", this.filterOperators) + ". Example: "
				+ "[{\"name\": \"id\", \"op\": \"in\", \"val\": [\"1\", \"2\"]}]");
		parameters.add(objects);
		Schema<Object> single = JsonSchemas.integer();
		single.setEnum(List.of(0, 1));
		parameters.add(query("filter[single]", single,
				"1: answer the one matching resource instead of a page (404 when none or several match)"));
		for (String field : simpleFilterFields(resource)) {
			parameters.add(query("filter[" + field + "]", JsonSchemas.string(),
					"Matches when '" + field + "' is one of these comma-separated values"));
		}
		return parameters;
	}

	/**
	 * {@code functions} of the eval endpoint.
	 * @return the parameter
	 */
	Parameter functions() {
		List<String> names = new ArrayList<>();
		for (AggregateFunction function : AggregateFunction.values()) {
			names.add(function.functionName());
		}
		Parameter functions = query("functions", JsonSchemas.string(), "A JSON array of function objects "
				+ "{\"name\": function, \"field\": field}; functions: " + String.join(", ", names)
				+ ". The filters select the resources they are computed over.");
		functions.setRequired(Boolean.TRUE);
		functions.setExample("[{\"name\":\"count\"}]");
		return functions;
	}

	private List<String> simpleFilterFields(ResourceDescriptor resource) {
		List<String> fields = new ArrayList<>();
		fields.add("id");
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.comparable() && !attribute.writeOnly()) {
				fields.add(attribute.name());
			}
		}
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			if (!relationship.toMany()) {
				fields.add(relationship.name());
			}
		}
		return fields;
	}

	private List<String> sortFields(ResourceDescriptor resource) {
		List<String> fields = new ArrayList<>();
		fields.add("id");
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.writeOnly()) {
				continue;
			}
			if (attribute.comparable()) {
				fields.add(attribute.name());
			}
			for (String member : AttributeSchemas.embeddedMembers(attribute)) {
				fields.add(attribute.name() + "." + member);
			}
		}
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			if (relationship.toMany()) {
				continue;
			}
			ResourceDescriptor target = this.types.target(relationship);
			for (AttributeDescriptor attribute : target.attributes().values()) {
				if (attribute.comparable() && !attribute.writeOnly()) {
					fields.add(relationship.name() + "." + attribute.name());
				}
			}
		}
		List<String> both = new ArrayList<>(fields);
		fields.forEach((field) -> both.add("-" + field));
		return both;
	}

	private static Schema<Object> enumeration(List<String> values) {
		Schema<Object> schema = JsonSchemas.string();
		schema.setEnum(new ArrayList<>(values));
		return schema;
	}

	/** A comma-separated list, as JSON:API writes lists in query parameters. */
	private static Parameter list(String name, Schema<Object> items, String description) {
		Parameter parameter = query(name, JsonSchemas.arrayOf(items), description);
		parameter.setStyle(Parameter.StyleEnum.FORM);
		parameter.setExplode(Boolean.FALSE);
		return parameter;
	}

	private static Parameter query(String name, Schema<Object> schema, String description) {
		Parameter parameter = new Parameter();
		parameter.setName(name);
		parameter.setIn("query");
		parameter.setSchema(schema);
		parameter.setDescription(description);
		parameter.setRequired(Boolean.FALSE);
		return parameter;
	}

	/** How long an estimate is given again to the same query, where it is. */
	private static String keptEstimates(ResourceDescriptor resource) {
		Duration timeToLive = resource.estimatedTotalTimeToLive();
		return timeToLive.isZero() ? ""
				: "; the same query is given the same estimate for "
						+ timeToLive.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
