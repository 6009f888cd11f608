package dev.restless.internal.metamodel;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ReflectionUtils;

/**
 * The attribute that identifies a resource in URLs and as its JSON:API {@code id}.
 *
 * <p>
 * A composite key ({@code @EmbeddedId} or {@code @IdClass}) is one value of its key class (the
 * embeddable, or the id class), whose {@link #components() components} are written as one text:
 * each component formatted like a simple id of its type, {@code %} written {@code %25} and
 * {@code ,} written {@code %2C} inside it, the components joined by {@code ,} in the order the
 * key class declares its fields. {@code LoanId("A,B", 7)} is {@code A%2CB,7}.
 *
 * @param attributeName the JPA attribute name; for an {@code @IdClass} key, which is no single
 * attribute, {@code null}
 * @param accessor reads and writes the value on the entity; {@code null} for an {@code @IdClass}
 * key
 * @param entityId whether the attribute is the entity's {@code @Id} (otherwise a unique
 * {@code primaryKey} attribute)
 * @param generated whether the database or the JPA provider generates the value
 * @param components the attributes of a composite key in their order in the id text, empty for a
 * simple key
 * @param keyClass the Java type of the key: the attribute's type, or the {@code @IdClass}
 */
public record IdDescriptor(@Nullable String attributeName, @Nullable PropertyAccessor accessor, boolean entityId,
		boolean generated, List<IdComponent> components, Class<?> keyClass) {

	/** Separates the components of a composite key in its text. */
	public static final char SEPARATOR = ',';

	/**
	 * The name of the attribute behind the id, as Flask-Restless's {@code primary_key_for} answers
	 * it: the attribute, or for an {@code @IdClass} key, which is no single attribute, its
	 * attributes in the order of the id text, joined by {@code ,}.
	 * @return the name
	 */
	public String primaryKeyName() {
		if (this.attributeName != null) {
			return this.attributeName;
		}
		return this.components.stream().map(IdComponent::name).collect(java.util.stream.Collectors.joining(","));
	}

	private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

	/**
	 * Describe a simple key.
	 * @param attributeName the JPA attribute name
	 * @param accessor reads and writes the value
	 * @param entityId whether the attribute is the entity's {@code @Id}
	 * @param generated whether the database or the JPA provider generates the value
	 */
	public IdDescriptor(String attributeName, PropertyAccessor accessor, boolean entityId, boolean generated) {
		this(attributeName, accessor, entityId, generated, List.of(), accessor.type());
	}

	/** @return the Java type of the id */
	public Class<?> javaType() {
		return this.keyClass;
	}

	/** @return whether the key has several components ({@code @EmbeddedId} or {@code @IdClass}) */
	public boolean composite() {
		return !this.components.isEmpty();
	}

	/**
	 * Whether an attribute of the entity holds the key or a part of it, so documents never write it.
	 * @param name an attribute name of the entity
	 * @return whether it is the key attribute or one of the {@code @IdClass} attributes
	 */
	public boolean isKeyAttribute(String name) {
		if (name.equals(this.attributeName)) {
			return true;
		}
		for (IdComponent component : this.components) {
			if (component.entityAccessor() != null && component.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Read the key of an entity.
	 * @param entity the entity (not a proxy: callers answer proxies from their identifier)
	 * @return the key, or {@code null} while it is not (completely) assigned
	 */
	public @Nullable Object read(Object entity) {
		PropertyAccessor single = this.accessor;
		if (single != null) {
			Object key = single.get(entity);
			return (key != null && composite() && values(key).contains(null)) ? null : key;
		}
		List<Object> values = new ArrayList<>(this.components.size());
		for (IdComponent component : this.components) {
			Object value = entityAccessor(component).get(entity);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return compose(values);
	}

	/**
	 * Assign the key of a new entity.
	 * @param entity the entity
	 * @param key the key, of the {@link #javaType() key type}
	 */
	public void write(Object entity, Object key) {
		PropertyAccessor single = this.accessor;
		if (single != null) {
			single.set(entity, key);
			return;
		}
		for (IdComponent component : this.components) {
			entityAccessor(component).set(entity, component.keyAccessor().get(key));
		}
	}

	private static PropertyAccessor entityAccessor(IdComponent component) {
		PropertyAccessor accessor = component.entityAccessor();
		if (accessor == null) {
			throw new IllegalStateException("Key attribute '" + component.name() + "' is not an entity attribute");
		}
		return accessor;
	}

	/**
	 * The component values of a key, in the order of {@link #components()}.
	 * @param key the key; for a simple key, its one value
	 * @return the values
	 */
	public List<@Nullable Object> values(Object key) {
		List<@Nullable Object> values = new ArrayList<>(Math.max(1, this.components.size()));
		if (!composite()) {
			values.add(key);
			return values;
		}
		for (IdComponent component : this.components) {
			values.add(component.keyAccessor().get(key));
		}
		return values;
	}

	/**
	 * Make a key of component values: an instance of the key class.
	 * @param values the values, in the order of {@link #components()}
	 * @return the key
	 */
	public Object compose(List<?> values) {
		if (!composite()) {
			return values.get(0);
		}
		try {
			if (this.keyClass.isRecord()) {
				RecordComponent[] recordComponents = this.keyClass.getRecordComponents();
				Class<?>[] types = new Class<?>[recordComponents.length];
				Object[] arguments = new Object[recordComponents.length];
				for (int index = 0; index < recordComponents.length; index++) {
					types[index] = recordComponents[index].getType();
					arguments[index] = values.get(componentIndex(recordComponents[index].getName()));
				}
				Constructor<?> canonical = this.keyClass.getDeclaredConstructor(types);
				ReflectionUtils.makeAccessible(canonical);
				return canonical.newInstance(arguments);
			}
			Object key = ReflectionUtils.accessibleConstructor(this.keyClass).newInstance();
			for (int index = 0; index < this.components.size(); index++) {
				this.components.get(index).keyAccessor().set(key, values.get(index));
			}
			return key;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create a key of " + this.keyClass.getName(), ex);
		}
	}

	private int componentIndex(String name) {
		for (int index = 0; index < this.components.size(); index++) {
			if (this.components.get(index).name().equals(name)) {
				return index;
			}
		}
		throw new IllegalStateException("No key attribute '" + name + "' in " + this.keyClass.getName());
	}

	/**
	 * Describe the id text in words for error details.
	 * @return what a valid id text is made of
	 */
	public String describe() {
		if (!composite()) {
			return ValueTypes.describe(this.keyClass);
		}
		StringJoiner names = new StringJoiner(String.valueOf(SEPARATOR));
		for (IdComponent component : this.components) {
			names.add(component.name());
		}
		return "an id of " + this.components.size() + " components '" + names
				+ "' joined by ',' (with '%' written '%25' and ',' written '%2C' inside a component)";
	}

	/**
	 * Convert an id from a URL or a document to the attribute's type. Only the text that
	 * {@link #format(Object)} gives for a number or a UUID is accepted (a UUID in either case):
	 * {@code 07}, {@code +7}, {@code 0x7} or {@code " 7"} would otherwise all name the resource
	 * {@code 7}, and a client-generated {@code 1-1-1-1-1} would be stored under another id.
	 * @param text the id as text
	 * @return the converted id, or empty when it cannot be one (callers answer 404)
	 */
	public Optional<Object> parse(@Nullable String text) {
		if (text == null || text.isEmpty() || text.indexOf('\0') >= 0) {
			return Optional.empty();
		}
		if (!composite()) {
			return parseValue(text, javaType(), false);
		}
		// A composite key is parsed strictly: exactly one text names a key, so ids in URLs and
		// documents can be compared as text.
		String[] parts = text.split(String.valueOf(SEPARATOR), -1);
		if (parts.length != this.components.size()) {
			return Optional.empty();
		}
		List<Object> values = new ArrayList<>(parts.length);
		for (int index = 0; index < parts.length; index++) {
			String part = unescape(parts[index]);
			Optional<Object> value = (part != null && !part.isEmpty())
					? parseValue(part, this.components.get(index).type(), true) : Optional.empty();
			if (value.isEmpty()) {
				return Optional.empty();
			}
			values.add(value.get());
		}
		try {
			return Optional.of(compose(values));
		}
		catch (RuntimeException ex) {
			// a key class whose constructor rejects the values names no resource either
			return Optional.empty();
		}
	}

	private static Optional<Object> parseValue(String text, Class<?> type, boolean canonical) {
		Object value;
		try {
			value = type.getName().startsWith("java.time.") ? parseTemporal(text, type) : CONVERSION.convert(text, type);
		}
		catch (RuntimeException | ReflectiveOperationException ex) {
			return Optional.empty();
		}
		if (value == null) {
			return Optional.empty();
		}
		if (value instanceof Number || value instanceof UUID) {
			return formatValue(value).equalsIgnoreCase(text) ? Optional.of(value) : Optional.empty();
		}
		if (canonical && !formatValue(value).equals(text)) {
			// a component is written one way only: no trimmed or otherwise converted text
			return Optional.empty();
		}
		return Optional.of(value);
	}

	/** Dates and times in ISO-8601, as their own {@code parse} reads them and {@code toString} writes them. */
	private static Object parseTemporal(String text, Class<?> type) throws ReflectiveOperationException {
		return type.getMethod("parse", CharSequence.class).invoke(null, text);
	}

	/**
	 * Undo the escapes of a component: only {@code %25} and {@code %2C} are escapes, any other
	 * {@code %} makes the text invalid.
	 * @return the component, or {@code null} when the text is not a correctly escaped component
	 */
	private static @Nullable String unescape(String part) {
		if (part.indexOf('%') < 0) {
			return part;
		}
		StringBuilder text = new StringBuilder(part.length());
		for (int index = 0; index < part.length(); index++) {
			char character = part.charAt(index);
			if (character != '%') {
				text.append(character);
			}
			else if (part.startsWith("%25", index)) {
				text.append('%');
				index += 2;
			}
			else if (part.startsWith("%2C", index)) {
				text.append(SEPARATOR);
				index += 2;
			}
			else {
				return null;
			}
		}
		return text.toString();
	}

	private static String escape(String component) {
		if (component.indexOf('%') < 0 && component.indexOf(SEPARATOR) < 0) {
			return component;
		}
		return component.replace("%", "%25").replace(",", "%2C");
	}

	private static String formatValue(Object value) {
		return (value instanceof Enum<?> constant) ? constant.name() : String.valueOf(value);
	}

	/**
	 * Render an id as the string JSON:API requires.
	 * @param id the id value
	 * @return its text
	 */
	public @Nullable String format(@Nullable Object id) {
		if (id == null) {
			return null;
		}
		if (!composite()) {
			return String.valueOf(id);
		}
		if (!this.keyClass.isInstance(id)) {
			throw new IllegalArgumentException(
					"A key of " + this.keyClass.getName() + " is expected, not " + id.getClass().getName());
		}
		StringJoiner text = new StringJoiner(String.valueOf(SEPARATOR));
		for (Object value : values(id)) {
			text.add(escape(formatValue(value)));
		}
		return text.toString();
	}

}
