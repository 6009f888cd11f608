package dev.restless.internal.metamodel;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Reads and writes one persistent property of an entity, through its public getter and setter
 * when the class has them (so application logic in accessors runs) and through the field
 * otherwise. Hibernate proxies are unwrapped first: their fields are never populated.
 *
 * <p>
 * Getters and setters are called through lambdas that {@link LambdaMetafactory} spins for them,
 * because reflective {@code Method.invoke} per attribute per resource is measurable in requests.
 * Each lambda is a class of its own, though, and spinning them for every property of every
 * entity made start-up grow with the model (about 20 classes and 1.5 ms per entity). So each is
 * compiled on the first read or write of its property, and only the properties a running
 * application touches ever get one. From then on a read or write costs what it did with lambdas
 * made up front, plus one volatile field read (on x86 an ordinary load).
 */
public final class PropertyAccessor {

	private final String name;

	private final @Nullable Method getter;

	private final @Nullable Method setter;

	private final @Nullable Field field;

	private final Type genericType;

	private final Class<?> type;

	/**
	 * How the property is read, {@code null} until the first read. Threads that read it for the
	 * first time at once may each compile it; that race is benign, as the lambdas are equivalent
	 * and the volatile write publishes each one whole.
	 */
	private volatile @Nullable Function<Object, @Nullable Object> reader;

	/** How the property is written, {@code null} until the first write; see {@link #reader}. */
	private volatile @Nullable BiConsumer<Object, @Nullable Object> writer;

	private PropertyAccessor(String name, @Nullable Method getter, @Nullable Method setter, @Nullable Field field) {
		this.name = name;
		this.getter = getter;
		this.setter = setter;
		this.field = field;
		if (field != null) {
			this.genericType = field.getGenericType();
			this.type = field.getType();
		}
		else {
			this.genericType = getter.getGenericReturnType();
			this.type = getter.getReturnType();
		}
	}

	/**
	 * Create an accessor for a JPA attribute.
	 * @param entityClass the entity class
	 * @param name the attribute name
	 * @param member the Java member the JPA provider reports, used when there is no field
	 * @return the accessor
	 */
	public static PropertyAccessor of(Class<?> entityClass, String name, @Nullable Member member) {
		Field field = ReflectionUtils.findField(entityClass, name);
		Class<?> type = (field != null) ? field.getType()
				: (member instanceof Method method) ? method.getReturnType() : null;
		Method getter = findPublic(entityClass, "get" + StringUtils.capitalize(name));
		if (getter == null && (type == boolean.class || type == Boolean.class)) {
			getter = findPublic(entityClass, "is" + StringUtils.capitalize(name));
		}
		Method setter = (type != null) ? findPublic(entityClass, "set" + StringUtils.capitalize(name), type) : null;
		if (field != null) {
			ReflectionUtils.makeAccessible(field);
		}
		if (field == null && getter == null) {
			throw new IllegalStateException("No field or getter for attribute '" + name + "' of " + entityClass.getName());
		}
		return new PropertyAccessor(name, getter, setter, field);
	}

	private static @Nullable Method findPublic(Class<?> type, String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(type, name, parameterTypes);
		return (method != null && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
				? method : null;
	}

	/** @return the attribute name */
	public String name() {
		return this.name;
	}

	/** @return the declared type, with generics */
	public Type genericType() {
		return this.genericType;
	}

	/** @return the declared type */
	public Class<?> type() {
		return this.type;
	}

	/**
	 * Read the property.
	 * @param entity the entity or a proxy of it
	 * @return the value
	 */
	public @Nullable Object get(Object entity) {
		Object target = Hibernate.unproxy(entity);
		Function<Object, @Nullable Object> reader = this.reader;
		if (reader == null) {
			reader = newReader();
			this.reader = reader;
		}
		return reader.apply(target);
	}

	/**
	 * Write the property.
	 * @param entity the entity
	 * @param value the new value
	 */
	public void set(Object entity, @Nullable Object value) {
		if (value == null && this.type.isPrimitive()) {
			// a setter's lambda would unbox it with a NullPointerException that names nothing
			throw new IllegalArgumentException("Attribute '" + this.name + "' cannot be null");
		}
		Object target = Hibernate.unproxy(entity);
		BiConsumer<Object, @Nullable Object> writer = this.writer;
		if (writer == null) {
			writer = newWriter();
			this.writer = writer;
		}
		writer.accept(target, value);
	}

	/** @return how the property is read now: {@code null} before the first read */
	@Nullable Function<Object, @Nullable Object> reader() {
		return this.reader;
	}

	/** @return how the property is written now: {@code null} before the first write */
	@Nullable BiConsumer<Object, @Nullable Object> writer() {
		return this.writer;
	}

	private Function<Object, @Nullable Object> newReader() {
		Method getter = this.getter;
		if (getter != null) {
			Function<Object, @Nullable Object> compiled = compileGetter(getter);
			return (compiled != null) ? compiled : (target) -> invoke(getter, target);
		}
		Field field = this.field;
		return (target) -> ReflectionUtils.getField(field, target);
	}

	private BiConsumer<Object, @Nullable Object> newWriter() {
		Method setter = this.setter;
		if (setter != null) {
			BiConsumer<Object, @Nullable Object> compiled = compileSetter(setter);
			return (compiled != null) ? compiled : (target, value) -> invoke(setter, target, value);
		}
		Field field = this.field;
		if (field != null) {
			return (target, value) -> ReflectionUtils.setField(field, target, value);
		}
		return (target, value) -> {
			throw new IllegalStateException("Attribute '" + this.name + "' has no setter and no field");
		};
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Function<Object, @Nullable Object> compileGetter(Method getter) {
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(getter.getDeclaringClass(),
					MethodHandles.lookup());
			MethodHandle handle = lookup.unreflect(getter);
			CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
					MethodType.methodType(Object.class, Object.class), handle, handle.type().wrap());
			return (Function<Object, @Nullable Object>) site.getTarget().invoke();
		}
		catch (Throwable ex) {
			// Reflection still works where a lambda cannot be defined (unusual class loaders).
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable BiConsumer<Object, @Nullable Object> compileSetter(Method setter) {
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(setter.getDeclaringClass(),
					MethodHandles.lookup());
			MethodHandle handle = lookup.unreflect(setter);
			MethodType instantiated = handle.type().wrap().changeReturnType(void.class);
			CallSite site = LambdaMetafactory.metafactory(lookup, "accept", MethodType.methodType(BiConsumer.class),
					MethodType.methodType(void.class, Object.class, Object.class), handle, instantiated);
			return (BiConsumer<Object, @Nullable Object>) site.getTarget().invoke();
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object... args) {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
