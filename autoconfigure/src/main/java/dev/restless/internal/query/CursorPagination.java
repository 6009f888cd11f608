package dev.restless.internal.query;

import dev.restless.query.SortField;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The rules of the JSON:API cursor pagination profile: which sorts can be paginated with cursors,
 * the key values a cursor is made of, and the profile's error objects.
 *
 * <p>A cursor page is ordered by the requested sort keys and then by the id, so the order is total.
 * Keys are attributes of the resource (or the id); an attribute that can be null sorts as every
 * sort does, null counting as greater than every value, and the keyset condition of the next or
 * previous page follows the same rule.
 */
public final class CursorPagination {

	/** The URI of the cursor pagination profile. */
	public static final String PROFILE = "https://jsonapi.org/profiles/ethanresnick/cursor-pagination";

	/** The media type of a cursor page: JSON:API with the profile applied. */
	public static final String MEDIA_TYPE = "application/vnd.api+json; profile=\"" + PROFILE + "\"";

	/**
	 * The base of the profile's error types, each sent as the error's {@code type} link: a link
	 * is a string in JSON:API 1.1, never an array.
	 */
	private static final String ERRORS = PROFILE + "/";

	private static final List<String> NOT_NULL_ANNOTATIONS = List.of("jakarta.validation.constraints.NotNull",
			"jakarta.validation.constraints.NotBlank", "jakarta.validation.constraints.NotEmpty");

	private CursorPagination() {
	}

	/**
	 * The keys of a cursor page: the requested sort, then the id.
	 * @param resource the resource
	 * @param sort the requested sort
	 * @return the keys
	 * @throws JsonApiException the profile's unsupported-sort error when a key is not an attribute
	 * of the resource (an attribute of a related resource), or when the resource's id is a
	 * composite key
	 */
	public static List<SortField> keys(ResourceDescriptor resource, List<SortField> sort) {
		if (resource.id().composite()) {
			// The id is the last key; a composite one would need a keyset over its components.
			throw new JsonApiException(unsupportedSort("Cursor pagination cannot page '" + resource.type()
					+ "', whose id is a composite key; page it with page[number] and page[size]"));
		}
		List<SortField> keys = new ArrayList<>();
		boolean hasId = false;
		for (SortField field : sort) {
			if (field.path().equals("id")) {
				hasId = true;
			}
			else if (resource.attribute(field.path()).isEmpty()) {
				throw new JsonApiException(unsupportedSort("Cursor pagination cannot sort on '" + field.path()
						+ "': only attributes of the resource, and id, can be cursor keys"));
			}
			keys.add(field);
			if (hasId) {
				// keys after the id never decide the order
				break;
			}
		}
		if (!hasId) {
			keys.add(new SortField("id", false));
		}
		return List.copyOf(keys);
	}

	/**
	 * The Java types of the keys, for decoding a cursor.
	 * @param resource the resource
	 * @param keys the keys
	 * @return the types
	 */
	public static List<Class<?>> types(ResourceDescriptor resource, List<SortField> keys) {
		List<Class<?>> types = new ArrayList<>();
		for (SortField key : keys) {
			types.add(key.path().equals("id") ? resource.id().javaType()
					: resource.attribute(key.path()).orElseThrow().javaType());
		}
		return types;
	}

	/**
	 * The key values of one resource, for its cursor.
	 * @param resource the resource
	 * @param keys the keys
	 * @param entity the entity
	 * @return the values ({@code null} where an attribute is null)
	 */
	public static List<@Nullable Object> values(ResourceDescriptor resource, List<SortField> keys, Object entity) {
		List<@Nullable Object> values = new ArrayList<>(keys.size());
		for (SortField key : keys) {
			values.add(key.path().equals("id") ? resource.keyOf(entity)
					: resource.attribute(key.path()).orElseThrow().accessor().get(entity));
		}
		return values;
	}

	/**
	 * Whether a sort path can never be null: the id, or an attribute of the resource that is
	 * primitive, {@code @Column(nullable = false)}, {@code @Basic(optional = false)}, {@code @NotNull},
	 * {@code @NotBlank} or {@code @NotEmpty}. Such a key needs no rule for nulls, so its order and
	 * keyset conditions stay plain comparisons that an index serves. A path through a relationship
	 * can always be null (a left join).
	 * @param resource the resource
	 * @param path {@code id}, an attribute name, or a path through a to-one relationship
	 * @return whether the value is never null
	 */
	public static boolean cannotBeNull(ResourceDescriptor resource, String path) {
		if (path.equals("id")) {
			return true;
		}
		AttributeDescriptor attribute = resource.attribute(path).orElse(null);
		return attribute != null && cannotBeNull(resource, attribute);
	}

	private static boolean cannotBeNull(ResourceDescriptor resource, AttributeDescriptor attribute) {
		if (attribute.javaType().isPrimitive()) {
			return true;
		}
		Field field = ReflectionUtils.findField(resource.entityClass(), attribute.attributeName());
		if (field == null) {
			return false;
		}
		AnnotatedElement element = field;
		Column column = AnnotatedElementUtils.findMergedAnnotation(element, Column.class);
		Basic basic = AnnotatedElementUtils.findMergedAnnotation(element, Basic.class);
		if ((column != null && !column.nullable()) || (basic != null && !basic.optional())) {
			return true;
		}
		for (var annotation : field.getAnnotations()) {
			if (NOT_NULL_ANNOTATIONS.contains(annotation.annotationType().getName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The profile's unsupported-sort error.
	 * @param detail why
	 * @return the error
	 */
	public static ErrorObject unsupportedSort(String detail) {
		return new ErrorObject("400", "Unsupported sort", detail, new ErrorObject.ErrorSource(null, "sort", null),
				Map.of("type", ERRORS + "unsupported-sort"), null);
	}

	/**
	 * The profile's max-page-size-exceeded error (used for offset pages too: it is a 400 naming
	 * the parameter either way).
	 * @param parameter {@code page[size]} or {@code page[limit]}
	 * @param size the size asked for
	 * @param maximum the maximum
	 * @param expected what to give instead
	 * @return the error
	 */
	static ErrorObject maxSizeExceeded(String parameter, int size, int maximum, String expected) {
		return new ErrorObject("400", "Page size too large",
				"Page size " + size + " is not allowed; give " + expected,
				new ErrorObject.ErrorSource(null, parameter, null),
				Map.of("type", ERRORS + "max-size-exceeded"), Map.of("page", Map.of("maxSize", maximum)));
	}

	/**
	 * The profile's range-pagination-not-supported error.
	 * @return the error
	 */
	static ErrorObject rangeNotSupported() {
		return new ErrorObject("400", "Range pagination not supported",
				"page[after] and page[before] cannot be combined; page from one cursor in one direction",
				new ErrorObject.ErrorSource(null, "page[before]", null),
				Map.of("type", ERRORS + "range-pagination-not-supported"), null);
	}

	/**
	 * The profile's invalid-parameter error for a cursor that does not decode.
	 * @param parameter {@code page[after]} or {@code page[before]}
	 * @return the exception
	 */
	public static JsonApiException invalidCursor(String parameter) {
		return JsonApiException.badParameter(parameter,
				"'" + parameter + "' is not a cursor of this collection with this sort; take cursors from a page's links");
	}

}
