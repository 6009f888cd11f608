package dev.restless.internal.query;

import dev.restless.Total;
import dev.restless.query.QueryParameters;
import dev.restless.query.SortField;
import dev.restless.query.PageParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.EmbeddedPaths;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.query.Filter;
import dev.restless.internal.query.FilterParser;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates the JSON:API query parameters of a request against the resource it
 * addresses. Every problem is a {@code 400} naming the parameter in {@code source.parameter}.
 */
public final class QueryParser {

	private static final Pattern FAMILY_MEMBER = Pattern.compile("([a-z]+)\\[([^\\[\\]]*)\\]");

	private static final Pattern LOWER_CASE_ONLY = Pattern.compile("[a-z]+");

	/** A name in a family of a lower-case base name, such as {@code sort[x]} or {@code filter[name][x]}. */
	private static final Pattern LOWER_CASE_FAMILY = Pattern.compile("[a-z]+\\[.*");

	private final ResourceRegistry registry;

	private final FilterParser filterParser;

	private final int maxIncludeDepth;

	private final FieldVisibility visibility;

	/**
	 * Create a parser.
	 * @param registry the exposed resources
	 * @param filterParser parses the filter parameters
	 * @param maxIncludeDepth the longest include path accepted
	 */
	public QueryParser(ResourceRegistry registry, FilterParser filterParser, int maxIncludeDepth) {
		this(registry, filterParser, maxIncludeDepth, FieldVisibility.ALL);
	}

	/**
	 * Create a parser for callers who may read only some fields: the others are unknown names.
	 * @param registry the exposed resources
	 * @param filterParser parses the filter parameters
	 * @param maxIncludeDepth the longest include path accepted
	 * @param visibility the fields the caller may read
	 */
	public QueryParser(ResourceRegistry registry, FilterParser filterParser, int maxIncludeDepth,
			FieldVisibility visibility) {
		this.registry = registry;
		this.filterParser = filterParser;
		this.maxIncludeDepth = maxIncludeDepth;
		this.visibility = visibility;
	}

	/** @return the fields the caller may read */
	public FieldVisibility visibility() {
		return this.visibility;
	}

	/**
	 * Parse the query parameters of a request.
	 * @param resource the resource whose documents the request returns
	 * @param parameters the query parameters, as the servlet API gives them
	 * @param allowedExtraParameters lower-case parameter names the endpoint accepts besides the
	 * JSON:API families (for example {@code functions})
	 * @return the parsed query
	 */
	public QueryParameters parse(ResourceDescriptor resource, Map<String, String[]> parameters,
			Set<String> allowedExtraParameters) {
		Integer pageNumber = null;
		Integer pageSize = null;
		Long pageOffset = null;
		Integer pageLimit = null;
		String after = null;
		String before = null;
		Total total = null;
		List<SortField> sort = List.of();
		List<String> include = null;
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		Map<String, String> filterParameters = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
			String name = entry.getKey();
			String value = single(name, entry.getValue());
			Matcher member = FAMILY_MEMBER.matcher(name);
			if (name.equals("sort")) {
				sort = parseSort(resource, value);
			}
			else if (name.equals("include")) {
				include = parseInclude(resource, value);
			}
			else if (member.matches() && member.group(1).equals("page")) {
				switch (member.group(2)) {
					case "number" -> pageNumber = parsePositive(name, value, "a page number from 1");
					case "size" -> pageSize = parsePageSize(resource, name, value);
					case "offset" -> pageOffset = parseOffset(name, value);
					case "limit" -> pageLimit = parsePageSize(resource, name, value);
					case "after" -> after = parseCursor(name, value);
					case "before" -> before = parseCursor(name, value);
					case "total" -> total = parseTotal(name, value);
					default -> throw JsonApiException.badParameter(name, "Unknown page parameter '" + name
							+ "'; use page[number] and page[size], page[offset] and page[limit], page[after], "
							+ "page[before] or page[total]");
				}
			}
			else if (member.matches() && member.group(1).equals("fields")) {
				String type = member.group(2);
				fields.put(type, parseFieldset(name, type, value));
			}
			else if (member.matches() && member.group(1).equals("filter")) {
				filterParameters.put(member.group(2), value);
			}
			else if ((LOWER_CASE_ONLY.matcher(name).matches() || LOWER_CASE_FAMILY.matcher(name).matches())
					&& !allowedExtraParameters.contains(name)) {
				// JSON:API reserves all-lower-case names (and their families) for itself: a member
				// it does not know, such as filter[name][x], would otherwise be ignored silently.
				throw JsonApiException.badParameter(name, "Unknown query parameter '" + name + "'");
			}
		}
		FilterParser.Result filters = this.filterParser.parse(resource, filterParameters);
		int size = (pageSize != null) ? pageSize : resource.pageSize();
		boolean cursor = after != null || before != null;
		if (after != null && before != null) {
			throw new JsonApiException(CursorPagination.rangeNotSupported());
		}
		if (cursor && pageNumber != null) {
			throw JsonApiException.badParameter("page[number]",
					"page[number] cannot be combined with page[after] or page[before]");
		}
		PageParameters page;
		if (pageOffset != null || pageLimit != null) {
			checkOffsetStyleAlone(pageNumber, pageSize, cursor);
			page = PageParameters.ofOffset((pageOffset != null) ? pageOffset : 0,
					(pageLimit != null) ? pageLimit : resource.pageSize(), total);
		}
		else {
			page = new PageParameters((pageNumber != null) ? pageNumber : 1, size, cursor, after, before, total);
		}
		return new QueryParameters(filters.filters(), filters.singleResult(), sort, page, include, fields);
	}

	/**
	 * {@code page[offset]} and {@code page[limit]} describe the page on their own: a client that
	 * mixes them with page numbers or cursors asks for two pages at once.
	 */
	private static void checkOffsetStyleAlone(@Nullable Integer pageNumber, @Nullable Integer pageSize,
			boolean cursor) {
		String other = (pageNumber != null) ? "page[number]" : (pageSize != null) ? "page[size]" : null;
		if (other != null) {
			throw JsonApiException.badParameter(other, other
					+ " cannot be combined with page[offset] or page[limit]; use page[number] and page[size], "
					+ "or page[offset] and page[limit]");
		}
		if (cursor) {
			throw JsonApiException.badParameter("page[offset]",
					"page[offset] and page[limit] cannot be combined with page[after] or page[before]");
		}
	}

	private static String single(String name, String @Nullable [] values) {
		if (values == null || values.length == 0) {
			return "";
		}
		if (values.length > 1) {
			throw JsonApiException.badParameter(name, "Query parameter '" + name + "' is given more than once");
		}
		return values[0];
	}

	private static int parsePositive(String name, String value, String expected) {
		try {
			int number = Integer.parseInt(value.trim());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw JsonApiException.badParameter(name, "'" + value + "' is not " + expected);
	}

	private static long parseOffset(String name, String value) {
		try {
			long offset = Long.parseLong(value.trim());
			if (offset >= 0 && offset <= Integer.MAX_VALUE) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw JsonApiException.badParameter(name, "'" + value + "' is not an offset from 0 (the index of the first "
				+ "resource of the page)");
	}

	private static int parsePageSize(ResourceDescriptor resource, String name, String value) {
		String expected = "a page size from 1 to " + resource.maxPageSize() + " (the maximum page size)";
		int size;
		try {
			size = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw JsonApiException.badParameter(name, "'" + value + "' is not " + expected);
		}
		if (size > resource.maxPageSize()) {
			throw new JsonApiException(CursorPagination.maxSizeExceeded(name, size, resource.maxPageSize(), expected));
		}
		if (size < 1) {
			throw JsonApiException.badParameter(name, "Page size " + size + " is not allowed; give " + expected);
		}
		return size;
	}

	private static String parseCursor(String name, String value) {
		if (value.isBlank()) {
			throw JsonApiException.badParameter(name, name + " needs a cursor taken from a previous page");
		}
		return value;
	}

	/** {@code true} and {@code false}, the parameter's first values, stay accepted as exact and none. */
	private static Total parseTotal(String name, String value) {
		return switch (value.trim()) {
			case "exact", "true" -> Total.EXACT;
			case "estimated" -> Total.ESTIMATED;
			case "none", "false" -> Total.NONE;
			default -> throw JsonApiException.badParameter(name,
					"'" + value + "' is not exact, estimated or none (or true or false)");
		};
	}

	private List<SortField> parseSort(ResourceDescriptor resource, String value) {
		List<SortField> sort = new ArrayList<>();
		// Names are taken exactly as sent: trimming would accept spaces and control characters
		// around a name, which no other parameter or document member tolerates.
		for (String key : value.split(",", -1)) {
			SortField field = SortField.parse(key);
			if (!isSortable(resource, field.path())) {
				throw JsonApiException.badParameter("sort",
						"Cannot sort '" + resource.type() + "' on '" + field.path() + "': no such attribute");
			}
			sort.add(field);
		}
		return sort;
	}

	private boolean isSortable(ResourceDescriptor resource, String path) {
		if (path.equals("id")) {
			return true;
		}
		int dot = path.indexOf('.');
		if (!this.visibility.readable(resource, (dot < 0) ? path : path.substring(0, dot))) {
			return false;
		}
		if (dot < 0) {
			return resource.attribute(path).filter(QueryParser::isSortableAttribute).isPresent();
		}
		RelationshipDescriptor relationship = resource.relationship(path.substring(0, dot)).orElse(null);
		if (relationship == null) {
			// a member of an @Embedded attribute (address.city)
			return resource.attribute(path.substring(0, dot))
				.map((attribute) -> EmbeddedPaths.resolve(attribute, List.of(path.substring(dot + 1).split("\\."))))
				.isPresent();
		}
		if (relationship.toMany()) {
			return false;
		}
		ResourceDescriptor target = this.registry.find(relationship.targetClass()).orElseThrow();
		return this.visibility.readable(target, path.substring(dot + 1))
				&& target.attribute(path.substring(dot + 1)).filter(QueryParser::isSortableAttribute).isPresent();
	}

	private static boolean isSortableAttribute(AttributeDescriptor attribute) {
		// Sorting on a write-only attribute would reveal the order of values never rendered.
		return attribute.comparable() && !attribute.writeOnly();
	}

	private List<String> parseInclude(ResourceDescriptor resource, String value) {
		if (value.isEmpty()) {
			return List.of();
		}
		Set<String> paths = new LinkedHashSet<>();
		for (String path : value.split(",", -1)) {
			String[] segments = path.split("\\.", -1);
			if (segments.length > this.maxIncludeDepth) {
				throw JsonApiException.badParameter("include", "Include path '" + path + "' is deeper than "
						+ this.maxIncludeDepth + " relationships (the maximum include depth)");
			}
			ResourceDescriptor current = resource;
			for (String segment : segments) {
				RelationshipDescriptor relationship = this.visibility.readable(current, segment)
						? current.relationship(segment).orElse(null) : null;
				if (relationship == null) {
					throw JsonApiException.badParameter("include", "Cannot include '" + path + "': '" + segment
							+ "' is not a relationship of '" + current.type() + "'");
				}
				current = this.registry.find(relationship.targetClass()).orElseThrow();
			}
			paths.add(path);
		}
		return List.copyOf(paths);
	}

	private Set<String> parseFieldset(String name, String type, String value) {
		ResourceDescriptor target = this.registry.find(type)
			.orElseThrow(() -> JsonApiException.badParameter(name, "Unknown resource type '" + type + "'"));
		Set<String> fieldset = new LinkedHashSet<>();
		if (value.isEmpty()) {
			return fieldset;
		}
		for (String field : value.split(",", -1)) {
			if (!target.hasField(field) || !this.visibility.readable(target, field)) {
				throw JsonApiException.badParameter(name,
						"'" + type + "' has no attribute or relationship named '" + field + "'");
			}
			fieldset.add(field);
		}
		return fieldset;
	}

	/**
	 * The empty query of a resource: no filters, default sort and page, default includes.
	 * @param resource the resource
	 * @return the query
	 */
	public static QueryParameters defaults(ResourceDescriptor resource) {
		List<Filter> none = List.of();
		return new QueryParameters(none, false, List.of(), new PageParameters(1, resource.pageSize()), null, Map.of());
	}

}
