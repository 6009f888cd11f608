package dev.restless.internal.openapi;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.EmbeddedPaths;
import dev.restless.internal.metamodel.ValueTypes;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * The JSON Schema of attribute values: the JSON type and format the application's mapper writes a
 * Java type in, enums, whether the value can be {@code null}, and the Bean Validation constraints
 * of the attribute as JSON Schema keywords. Annotations are read by name, so that the description
 * needs no Bean Validation or Hibernate Validator on the classpath.
 */
final class AttributeSchemas {

	private static final String CONSTRAINTS = "jakarta.validation.constraints.";

	private static final String HIBERNATE_CONSTRAINTS = "org.hibernate.validator.constraints.";

	/** Constraints that forbid {@code null}, and so make an attribute required on creation. */
	private static final List<String> NOT_NULL = List.of(CONSTRAINTS + "NotNull", CONSTRAINTS + "NotBlank",
			CONSTRAINTS + "NotEmpty");

	private AttributeSchemas() {
	}

	/**
	 * The schema of an attribute's values.
	 * @param entityClass the entity class declaring the attribute
	 * @param attribute the attribute
	 * @return the schema, {@code null} included among its values where the attribute can be null
	 */
	static Schema<Object> of(Class<?> entityClass, AttributeDescriptor attribute) {
		PropertyAnnotations annotations = annotations(entityClass, attribute.attributeName());
		Schema<Object> schema = valueSchema(attribute.javaType(), attribute.accessor().genericType(), 0);
		applyConstraints(schema, annotations);
		if (!attribute.javaType().isPrimitive() && !forbidsNull(annotations)) {
			schema = JsonSchemas.orNull(schema);
		}
		return schema;
	}

	/**
	 * Whether creating a resource needs the attribute: Bean Validation forbids {@code null} there.
	 * @param entityClass the entity class declaring the attribute
	 * @param attribute the attribute
	 * @return whether a create request must give it
	 */
	static boolean requiredOnCreate(Class<?> entityClass, AttributeDescriptor attribute) {
		PropertyAnnotations annotations = annotations(entityClass, attribute.attributeName());
		return NOT_NULL.stream().anyMatch(annotations::isPresent);
	}

	/**
	 * The schema of a single id component or key, as text in URLs and documents.
	 * @param type the Java type of the value
	 * @return the schema of its text
	 */
	static Schema<Object> idText(Class<?> type) {
		Schema<Object> schema = JsonSchemas.string();
		if (type == UUID.class) {
			schema.setFormat("uuid");
		}
		else if (ValueTypes.isIntegral(ClassUtils.resolvePrimitiveIfNecessary(type))) {
			schema.setPattern("^(0|[1-9][0-9]*|-[1-9][0-9]*)$");
		}
		return schema;
	}

	private static boolean forbidsNull(PropertyAnnotations annotations) {
		if (NOT_NULL.stream().anyMatch(annotations::isPresent)) {
			return true;
		}
		MergedAnnotation<?> column = annotations.get("jakarta.persistence.Column");
		if (column.isPresent() && !column.getBoolean("nullable")) {
			return true;
		}
		MergedAnnotation<?> basic = annotations.get("jakarta.persistence.Basic");
		return basic.isPresent() && !basic.getBoolean("optional");
	}

	/** The annotations of the field and the getters of a property, merged. */
	private static PropertyAnnotations annotations(Class<?> type, String property) {
		List<AnnotatedElement> elements = new ArrayList<>(3);
		Field field = ReflectionUtils.findField(type, property);
		if (field != null) {
			elements.add(field);
		}
		for (String prefix : new String[] { "get", "is" }) {
			Method getter = ReflectionUtils.findMethod(type, prefix + StringUtils.capitalize(property));
			if (getter != null) {
				elements.add(getter);
			}
		}
		return new PropertyAnnotations(elements.stream().map(MergedAnnotations::from).toList());
	}

	/** The annotations of a property's field and getters: the first element that has one wins. */
	private record PropertyAnnotations(List<MergedAnnotations> elements) {

		MergedAnnotation<?> get(String type) {
			for (MergedAnnotations annotations : this.elements) {
				MergedAnnotation<?> annotation = annotations.get(type);
				if (annotation.isPresent()) {
					return annotation;
				}
			}
			return MergedAnnotation.missing();
		}

		boolean isPresent(String type) {
			return get(type).isPresent();
		}

	}

	private static Schema<Object> valueSchema(Class<?> rawType, Type genericType, int depth) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(rawType);
		if (type == String.class || type == Character.class) {
			Schema<Object> schema = JsonSchemas.string();
			if (type == Character.class) {
				schema.setMinLength(1);
				schema.setMaxLength(1);
			}
			return schema;
		}
		if (type == Boolean.class) {
			return JsonSchemas.of("boolean");
		}
		if (ValueTypes.isIntegral(type)) {
			return integerSchema(type);
		}
		if (type == Double.class || type == Float.class || type == BigDecimal.class) {
			Schema<Object> schema = JsonSchemas.of("number");
			if (type != BigDecimal.class) {
				schema.setFormat((type == Double.class) ? "double" : "float");
			}
			return schema;
		}
		if (type.isEnum()) {
			Schema<Object> schema = JsonSchemas.string();
			List<Object> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name());
			}
			schema.setEnum(names);
			return schema;
		}
		Schema<Object> temporal = temporalSchema(type);
		if (temporal != null) {
			return temporal;
		}
		if (type == UUID.class) {
			Schema<Object> schema = JsonSchemas.string();
			schema.setFormat("uuid");
			return schema;
		}
		if (type.isArray()) {
			return JsonSchemas.arrayOf(valueSchema(type.getComponentType(), type.getComponentType(), depth + 1));
		}
		if (Collection.class.isAssignableFrom(type)) {
			Class<?> element = typeArgument(genericType, 0);
			return JsonSchemas.arrayOf((element != null) ? valueSchema(element, element, depth + 1) : JsonSchemas.of());
		}
		if (Map.class.isAssignableFrom(type)) {
			return JsonSchemas.of("object");
		}
		if (EmbeddedPaths.isEmbeddable(type) && depth < 5) {
			return embeddableSchema(type, depth);
		}
		// Whatever the application's mapper makes of it.
		return JsonSchemas.of();
	}

	private static Schema<Object> integerSchema(Class<?> type) {
		Schema<Object> schema = JsonSchemas.integer();
		if (type == Integer.class) {
			schema.setFormat("int32");
		}
		else if (type == Long.class) {
			schema.setFormat("int64");
		}
		else if (type == Short.class) {
			schema.setMinimum(BigDecimal.valueOf(Short.MIN_VALUE));
			schema.setMaximum(BigDecimal.valueOf(Short.MAX_VALUE));
		}
		else if (type == Byte.class) {
			schema.setMinimum(BigDecimal.valueOf(Byte.MIN_VALUE));
			schema.setMaximum(BigDecimal.valueOf(Byte.MAX_VALUE));
		}
		return schema;
	}

	private static @Nullable Schema<Object> temporalSchema(Class<?> type) {
		String format;
		String example;
		if (type == LocalDate.class) {
			format = "date";
			example = "2024-01-31";
		}
		else if (type == LocalDateTime.class) {
			format = "local-date-time";
			example = "2024-01-31T10:15:30";
		}
		else if (type == LocalTime.class) {
			format = "local-time";
			example = "10:15:30";
		}
		else if (type == OffsetDateTime.class || type == ZonedDateTime.class || type == Instant.class) {
			format = "date-time";
			example = "2024-01-31T10:15:30Z";
		}
		else {
			return null;
		}
		Schema<Object> schema = JsonSchemas.string();
		schema.setFormat(format);
		schema.setExamples(List.of(example));
		return schema;
	}

	/** An {@code @Embeddable} value: an object of its members, by the names documents give them. */
	private static Schema<Object> embeddableSchema(Class<?> type, int depth) {
		Map<String, Schema> properties = new LinkedHashMap<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
						|| MergedAnnotations.from(field).isPresent("jakarta.persistence.Transient")) {
					continue;
				}
				JsonIgnore ignore = field.getAnnotation(JsonIgnore.class);
				JsonProperty json = field.getAnnotation(JsonProperty.class);
				if ((ignore != null && ignore.value())
						|| (json != null && json.access() == JsonProperty.Access.WRITE_ONLY)) {
					continue;
				}
				String name = (json != null && !json.value().isEmpty()) ? json.value() : field.getName();
				PropertyAnnotations annotations = annotations(current, field.getName());
				Schema<Object> schema = valueSchema(field.getType(), field.getGenericType(), depth + 1);
				applyConstraints(schema, annotations);
				boolean nullable = !field.getType().isPrimitive() && !forbidsNull(annotations);
				properties.putIfAbsent(name, nullable ? JsonSchemas.orNull(schema) : schema);
			}
		}
		// Open: the mapper may write members computed by getters too.
		return JsonSchemas.openObject(properties);
	}

	private static @Nullable Class<?> typeArgument(Type type, int index) {
		if (type instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
			return argument;
		}
		return null;
	}

	/** Bean Validation (and Hibernate Validator) constraints as JSON Schema keywords. */
	private static void applyConstraints(Schema<Object> schema, PropertyAnnotations annotations) {
		boolean text = schema.getTypes() != null && schema.getTypes().contains("string");
		boolean array = schema.getTypes() != null && schema.getTypes().contains("array");
		MergedAnnotation<?> size = annotations.get(CONSTRAINTS + "Size");
		if (size.isPresent()) {
			setSize(schema, text, array, size.getInt("min"), size.getInt("max"));
		}
		MergedAnnotation<?> length = annotations.get(HIBERNATE_CONSTRAINTS + "Length");
		if (length.isPresent()) {
			setSize(schema, text, array, length.getInt("min"), length.getInt("max"));
		}
		if (annotations.isPresent(CONSTRAINTS + "NotEmpty")) {
			setSize(schema, text, array, 1, Integer.MAX_VALUE);
		}
		if (annotations.isPresent(CONSTRAINTS + "NotBlank")) {
			setSize(schema, text, array, 1, Integer.MAX_VALUE);
			if (text && schema.getPattern() == null) {
				// at least one character that is not white space
				schema.setPattern("\\S");
			}
		}
		MergedAnnotation<?> pattern = annotations.get(CONSTRAINTS + "Pattern");
		if (pattern.isPresent() && text) {
			// Bean Validation matches the whole value; JSON Schema patterns search, so anchor it.
			schema.setPattern("^(?:" + pattern.getString("regexp") + ")$");
		}
		if (annotations.isPresent(CONSTRAINTS + "Email") && text) {
			schema.setFormat("email");
		}
		MergedAnnotation<?> min = annotations.get(CONSTRAINTS + "Min");
		if (min.isPresent()) {
			schema.setMinimum(BigDecimal.valueOf(min.getLong("value")));
		}
		MergedAnnotation<?> max = annotations.get(CONSTRAINTS + "Max");
		if (max.isPresent()) {
			schema.setMaximum(BigDecimal.valueOf(max.getLong("value")));
		}
		MergedAnnotation<?> range = annotations.get(HIBERNATE_CONSTRAINTS + "Range");
		if (range.isPresent()) {
			schema.setMinimum(BigDecimal.valueOf(range.getLong("min")));
			schema.setMaximum(BigDecimal.valueOf(range.getLong("max")));
		}
		applyDecimalBounds(schema, annotations);
		applySigns(schema, annotations);
		MergedAnnotation<?> digits = annotations.get(CONSTRAINTS + "Digits");
		if (digits.isPresent()) {
			schema.setDescription("At most " + digits.getInt("integer") + " integer and " + digits.getInt("fraction")
					+ " fraction digits");
		}
	}

	private static void setSize(Schema<Object> schema, boolean text, boolean array, int min, int max) {
		if (text) {
			schema.setMinLength(Math.max(min, (schema.getMinLength() != null) ? schema.getMinLength() : 0));
			if (max != Integer.MAX_VALUE) {
				schema.setMaxLength(max);
			}
			if (schema.getMinLength() == 0) {
				schema.setMinLength(null);
			}
		}
		else if (array) {
			schema.setMinItems(Math.max(min, (schema.getMinItems() != null) ? schema.getMinItems() : 0));
			if (max != Integer.MAX_VALUE) {
				schema.setMaxItems(max);
			}
			if (schema.getMinItems() == 0) {
				schema.setMinItems(null);
			}
		}
	}

	private static void applyDecimalBounds(Schema<Object> schema, PropertyAnnotations annotations) {
		MergedAnnotation<?> decimalMin = annotations.get(CONSTRAINTS + "DecimalMin");
		if (decimalMin.isPresent()) {
			BigDecimal value = new BigDecimal(decimalMin.getString("value"));
			if (decimalMin.getBoolean("inclusive")) {
				schema.setMinimum(value);
			}
			else {
				schema.setExclusiveMinimumValue(value);
			}
		}
		MergedAnnotation<?> decimalMax = annotations.get(CONSTRAINTS + "DecimalMax");
		if (decimalMax.isPresent()) {
			BigDecimal value = new BigDecimal(decimalMax.getString("value"));
			if (decimalMax.getBoolean("inclusive")) {
				schema.setMaximum(value);
			}
			else {
				schema.setExclusiveMaximumValue(value);
			}
		}
	}

	private static void applySigns(Schema<Object> schema, PropertyAnnotations annotations) {
		if (annotations.isPresent(CONSTRAINTS + "Positive")) {
			schema.setExclusiveMinimumValue(BigDecimal.ZERO);
		}
		if (annotations.isPresent(CONSTRAINTS + "PositiveOrZero")) {
			schema.setMinimum(BigDecimal.ZERO);
		}
		if (annotations.isPresent(CONSTRAINTS + "Negative")) {
			schema.setExclusiveMaximumValue(BigDecimal.ZERO);
		}
		if (annotations.isPresent(CONSTRAINTS + "NegativeOrZero")) {
			schema.setMaximum(BigDecimal.ZERO);
		}
	}

	/**
	 * The names of the members of an embeddable that filters and sorts can name.
	 * @param attribute an attribute
	 * @return the member names, empty when the attribute is not embedded
	 */
	static List<String> embeddedMembers(AttributeDescriptor attribute) {
		if (!EmbeddedPaths.isEmbeddable(attribute.javaType())) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (Class<?> current = attribute.javaType(); current != null && current != Object.class;
				current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				JsonProperty json = field.getAnnotation(JsonProperty.class);
				String name = (json != null && !json.value().isEmpty()) ? json.value() : field.getName();
				if (EmbeddedPaths.resolve(attribute, List.of(name)) != null && !names.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
