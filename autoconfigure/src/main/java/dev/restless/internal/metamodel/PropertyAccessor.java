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
 */
public final class PropertyAccessor {

	private final String name;

	private final @Nullable Method getter;

	private final @Nullable Method setter;

	private final @Nullable Field field;

	private final Type genericType;

	private final Class<?> type;

	/** The getter compiled to a lambda: reading attributes is on the path of every resource rendered. */
	private final @Nullable Function<Object, Object> compiledGetter;

	private final @Nullable BiConsumer<Object, Object> compiledSetter;

	private PropertyAccessor(String name, @Nullable Method getter, @Nullable Method setter, @Nullable Field field) {
		this.name = name;
		this.getter = getter;
		this.setter = setter;
		this.field = field;
		this.compiledGetter = (getter != null) ? compileGetter(getter) : null;
		this.compiledSetter = (setter != null) ? compileSetter(setter) : null;
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
		if (this.compiledGetter != null) {
			return this.compiledGetter.apply(target);
		}
		if (this.getter != null) {
			return invoke(this.getter, target);
		}
		return ReflectionUtils.getField(this.field, target);
	}

	/**
	 * Write the property.
	 * @param entity the entity
	 * @param value the new value
	 */
	public void set(Object entity, @Nullable Object value) {
		Object target = Hibernate.unproxy(entity);
		if (this.compiledSetter != null) {
			if (value == null && this.type.isPrimitive()) {
				throw new IllegalArgumentException("Attribute '" + this.name + "' cannot be null");
			}
			this.compiledSetter.accept(target, value);
		}
		else if (this.setter != null) {
			invoke(this.setter, target, value);
		}
		else if (this.field != null) {
			ReflectionUtils.setField(this.field, target, value);
		}
		else {
			throw new IllegalStateException("Attribute '" + this.name + "' has no setter and no field");
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Function<Object, Object> compileGetter(Method getter) {
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(getter.getDeclaringClass(),
					MethodHandles.lookup());
			MethodHandle handle = lookup.unreflect(getter);
			CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
					MethodType.methodType(Object.class, Object.class), handle, handle.type().wrap());
			return (Function<Object, Object>) site.getTarget().invoke();
		}
		catch (Throwable ex) {
			// Reflection still works where a lambda cannot be defined (unusual class loaders).
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static @Nullable BiConsumer<Object, Object> compileSetter(Method setter) {
		try {
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(setter.getDeclaringClass(),
					MethodHandles.lookup());
			MethodHandle handle = lookup.unreflect(setter);
			MethodType instantiated = handle.type().wrap().changeReturnType(void.class);
			CallSite site = LambdaMetafactory.metafactory(lookup, "accept", MethodType.methodType(BiConsumer.class),
					MethodType.methodType(void.class, Object.class, Object.class), handle, instantiated);
			return (BiConsumer<Object, Object>) site.getTarget().invoke();
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
