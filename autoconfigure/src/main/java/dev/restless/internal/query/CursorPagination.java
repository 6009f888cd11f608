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

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The rules of the JSON:API cursor pagination profile: which sorts can be paginated with cursors,
 * the key values a cursor is made of, and the profile's error objects.
 *
 * <p>A cursor page is ordered by the requested sort keys and then by the id, so the order is total.
 * Keys must be attributes that cannot be null: databases disagree about where nulls sort, and a
 * keyset comparison with null matches nothing.
 */
public final class CursorPagination {

	/** The URI of the cursor pagination profile. */
	public static final String PROFILE = "https://jsonapi.org/profiles/ethanresnick/cursor-pagination";

	/** The media type of a cursor page: JSON:API with the profile applied. */
	public static final String MEDIA_TYPE = "application/vnd.api+json; profile=\"" + PROFILE + "\"";

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
	 * @throws JsonApiException the profile's unsupported-sort error when a key is not a non-null
	 * attribute of the resource
	 */
	public static List<SortField> keys(ResourceDescriptor resource, List<SortField> sort) {
		List<SortField> keys = new ArrayList<>();
		boolean hasId = false;
		for (SortField field : sort) {
			if (field.path().equals("id")) {
				hasId = true;
			}
			else {
				AttributeDescriptor attribute = resource.attribute(field.path()).orElse(null);
				if (attribute == null || !cannotBeNull(resource, attribute)) {
					throw new JsonApiException(unsupportedSort("Cursor pagination cannot sort on '" + field.path()
							+ "': only attributes of the resource that cannot be null, and id, can be cursor keys"));
				}
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
	 * @return the values
	 */
	public static List<Object> values(ResourceDescriptor resource, List<SortField> keys, Object entity) {
		List<Object> values = new ArrayList<>(keys.size());
		for (SortField key : keys) {
			values.add(key.path().equals("id") ? resource.keyOf(entity)
					: resource.attribute(key.path()).orElseThrow().accessor().get(entity));
		}
		return values;
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
				Map.of("type", List.of(ERRORS + "unsupported-sort")), null);
	}

	/**
	 * The profile's max-page-size-exceeded error (used for offset pages too: it is a 400 naming
	 * {@code page[size]} either way).
	 * @param size the size asked for
	 * @param maximum the maximum
	 * @param expected what to give instead
	 * @return the error
	 */
	static ErrorObject maxSizeExceeded(int size, int maximum, String expected) {
		return new ErrorObject("400", "Page size too large",
				"Page size " + size + " is not allowed; give " + expected,
				new ErrorObject.ErrorSource(null, "page[size]", null),
				Map.of("type", List.of(ERRORS + "max-size-exceeded")), Map.of("page", Map.of("maxSize", maximum)));
	}

	/**
	 * The profile's range-pagination-not-supported error.
	 * @return the error
	 */
	static ErrorObject rangeNotSupported() {
		return new ErrorObject("400", "Range pagination not supported",
				"page[after] and page[before] cannot be combined; page from one cursor in one direction",
				new ErrorObject.ErrorSource(null, "page[before]", null),
				Map.of("type", List.of(ERRORS + "range-pagination-not-supported")), null);
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
