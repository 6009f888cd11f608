package dev.restless.autoconfigure;

import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.security.AccessExpressions;
import dev.restless.internal.security.ExpressionAccessControl;
import dev.restless.internal.security.ScopedRowRestrictions;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Enforces the access rules and row scopes of the exposed resources with Spring Security, when it
 * is on the classpath: the rules are Spring Security expressions evaluated for the caller of each
 * request, and the application's {@link dev.restless.security.RowScope} beans restrict the rows
 * every query reads. Without Spring Security, resources that declare rules fail start-up.
 */
@AutoConfiguration(after = RestlessAutoConfiguration.class)
@ConditionalOnClass({ SecurityContextHolder.class, GrantedAuthorityDefaults.class, Specification.class })
@ConditionalOnBean(ResourceRegistry.class)
public final class RestlessSecurityAutoConfiguration {

	@Bean
	AccessExpressions restlessAccessExpressions(ListableBeanFactory beanFactory,
			ObjectProvider<RoleHierarchy> roleHierarchy, ObjectProvider<PermissionEvaluator> permissions,
			ObjectProvider<GrantedAuthorityDefaults> authorityDefaults) {
		GrantedAuthorityDefaults defaults = authorityDefaults.getIfUnique();
		return new AccessExpressions(new BeanFactoryResolver(beanFactory), roleHierarchy.getIfUnique(),
				permissions.getIfUnique(), (defaults != null) ? defaults.getRolePrefix() : null);
	}

	@Bean
	ExpressionAccessControl restlessAccessControl(AccessExpressions expressions) {
		return new ExpressionAccessControl(expressions);
	}

	@Bean
	ScopedRowRestrictions restlessRowRestrictions(ListableBeanFactory beanFactory, ResourceRegistry registry,
			AccessExpressions expressions) {
		return ScopedRowRestrictions.of(beanFactory, registry, expressions);
	}

}
