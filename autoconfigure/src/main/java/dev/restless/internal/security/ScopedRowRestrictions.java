package dev.restless.internal.security;

import java.util.HashMap;
import java.util.Map;

import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.persistence.RowRestrictions;
import dev.restless.security.RowScope;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.data.jpa.domain.Specification;

/**
 * The row scopes of the application's {@link RowScope} beans, for the caller of the current
 * request. A resource takes the scope declared for its entity, or else for the nearest superclass
 * that has one, so a scope of employees covers managers too.
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
	 */
	@SuppressWarnings("unchecked")
	public static ScopedRowRestrictions of(ListableBeanFactory beanFactory, ResourceRegistry registry,
			AccessExpressions expressions) {
		Map<ResourceDescriptor, RowScope<Object>> scopes = new HashMap<>();
		for (ResourceDescriptor resource : registry.all()) {
			for (Class<?> type = resource.entityClass(); type != null && type != Object.class; type = type
				.getSuperclass()) {
				Object scope = beanFactory.getBeanProvider(ResolvableType.forClassWithGenerics(RowScope.class, type))
					.getIfUnique();
				if (scope != null) {
					scopes.put(resource, (RowScope<Object>) scope);
					break;
				}
			}
		}
		return new ScopedRowRestrictions(Map.copyOf(scopes), expressions);
	}

	@Override
	public boolean restricts(ResourceDescriptor resource) {
		return specification(resource) != null;
	}

	@Override
	public @Nullable Predicate predicate(ResourceDescriptor resource, Root<?> root, CriteriaQuery<?> query,
			CriteriaBuilder builder) {
		Specification<Object> specification = specification(resource);
		@SuppressWarnings("unchecked")
		Root<Object> typed = (Root<Object>) root;
		return (specification != null) ? specification.toPredicate(typed, query, builder) : null;
	}

	private @Nullable Specification<Object> specification(ResourceDescriptor resource) {
		RowScope<Object> scope = this.scopes.get(resource);
		if (scope == null) {
			return null;
		}
		Specification<Object> specification = scope.restrict(this.expressions.caller());
		// Specification.unrestricted() is one shared instance: a caller who sees every row costs nothing
		return (specification == null || specification == Specification.unrestricted()) ? null : specification;
	}

}
