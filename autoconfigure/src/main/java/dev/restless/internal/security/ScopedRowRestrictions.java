package dev.restless.internal.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.RowRestrictions;
import dev.restless.security.RowScope;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.data.jpa.domain.PredicateSpecification;

/**
 * The row scopes of the application's {@link RowScope} beans, for the caller of the current
 * request. A resource takes the scope declared for its entity, or else for the nearest superclass
 * that has one, so a scope of employees covers managers too. Scopes fail closed: a scope that
 * answers {@code null} reaches no row, and an ambiguous declaration fails start-up.
 */
public final class ScopedRowRestrictions implements RowRestrictions {

	private final Map<ResourceDescriptor, RowScope<Object>> scopes;

	private final AccessExpressions expressions;

	private ScopedRowRestrictions(Map<ResourceDescriptor, RowScope<Object>> scopes, AccessExpressions expressions) {
		this.scopes = scopes;
		this.expressions = expressions;
	}

	/**
	 * The scopes the application declares.
	 * @param beanFactory the application's beans
	 * @param registry the exposed resources
	 * @param expressions knows the caller
	 * @return the restrictions
	 * @throws InvalidResourceConfigurationException when an entity has more than one scope, or an
	 * exposed subclass has a scope other than its exposed superclass's
	 */
	public static ScopedRowRestrictions of(ListableBeanFactory beanFactory, ResourceRegistry registry,
			AccessExpressions expressions) {
		Map<ResourceDescriptor, RowScope<Object>> scopes = new HashMap<>();
		for (ResourceDescriptor resource : registry.all()) {
			RowScope<Object> scope = scopeOf(beanFactory, resource);
			if (scope != null) {
				scopes.put(resource, scope);
			}
		}
		for (ResourceDescriptor resource : registry.all()) {
			for (ResourceDescriptor superclass : registry.all()) {
				if (superclass != resource && superclass.entityClass().isAssignableFrom(resource.entityClass())
						&& !Objects.equals(scopes.get(resource), scopes.get(superclass))) {
					// the rows of the subclass are also rows of the superclass, read under its scope only
					throw new InvalidResourceConfigurationException("'" + resource.type() + "' has another row "
							+ "scope than '" + superclass.type() + "', whose rows include its own: declare the scope "
							+ "for " + superclass.entityClass().getSimpleName() + " so that it covers both");
				}
			}
		}
		return new ScopedRowRestrictions(Map.copyOf(scopes), expressions);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable RowScope<Object> scopeOf(ListableBeanFactory beanFactory, ResourceDescriptor resource) {
		for (Class<?> type = resource.entityClass(); type != null && type != Object.class; type = type
			.getSuperclass()) {
			List<Object> declared = beanFactory
				.getBeanProvider(ResolvableType.forClassWithGenerics(RowScope.class, type))
				.stream()
				.map(Object.class::cast)
				.toList();
			if (declared.size() > 1) {
				throw new InvalidResourceConfigurationException("'" + resource.type() + "' has "
						+ declared.size() + " row scopes (RowScope<" + type.getSimpleName()
						+ "> beans); declare one, combining their restrictions");
			}
			if (declared.size() == 1) {
				return (RowScope<Object>) declared.get(0);
			}
		}
		return null;
	}

	@Override
	public boolean restricts(ResourceDescriptor resource) {
		RowScope<Object> scope = this.scopes.get(resource);
		return scope != null && specification(scope) != PredicateSpecification.unrestricted();
	}

	@Override
	public Predicate predicate(ResourceDescriptor resource, From<?, ?> root, CriteriaBuilder builder) {
		RowScope<Object> scope = this.scopes.get(resource);
		PredicateSpecification<Object> specification = (scope != null) ? specification(scope) : null;
		if (specification == null) {
			// fail closed: a scope that gives no restriction reaches no row
			return builder.disjunction();
		}
		@SuppressWarnings("unchecked")
		From<?, Object> typed = (From<?, Object>) root;
		Predicate predicate = specification.toPredicate(typed, builder);
		return (predicate != null) ? predicate : builder.disjunction();
	}

	private @Nullable PredicateSpecification<Object> specification(RowScope<Object> scope) {
		return scope.restrict(this.expressions.caller());
	}

}
