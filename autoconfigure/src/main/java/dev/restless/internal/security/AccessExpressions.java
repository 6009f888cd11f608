package dev.restless.internal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Evaluates access rules, Spring Security expressions with the operations of
 * {@code SecurityExpressionRoot} ({@code hasRole}, {@code isAuthenticated}, {@code hasPermission},
 * {@code authentication}, {@code principal}, {@code @bean} references) and the row they guard as
 * {@code resource}, for the caller of the current request.
 */
public final class AccessExpressions {

	/** The caller of a request that carries no authentication at all. */
	private static final Authentication NOBODY = new AnonymousAuthenticationToken("restless", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final ExpressionParser parser = new SpelExpressionParser();

	private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

	private final @Nullable BeanResolver beans;

	private final @Nullable RoleHierarchy roleHierarchy;

	private final @Nullable PermissionEvaluator permissions;

	private final @Nullable String rolePrefix;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	/**
	 * Create the evaluator.
	 * @param beans resolves {@code @bean} references, or {@code null}
	 * @param roleHierarchy the application's role hierarchy, or {@code null}
	 * @param permissions the application's permission evaluator, or {@code null}
	 * @param rolePrefix the application's role prefix, or {@code null} for {@code ROLE_}
	 */
	public AccessExpressions(@Nullable BeanResolver beans, @Nullable RoleHierarchy roleHierarchy,
			@Nullable PermissionEvaluator permissions, @Nullable String rolePrefix) {
		this.beans = beans;
		this.roleHierarchy = roleHierarchy;
		this.permissions = permissions;
		this.rolePrefix = rolePrefix;
	}

	/** @return the caller of the current request, anonymous when it carries no authentication */
	public Authentication caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication : NOBODY;
	}

	/**
	 * @param authentication a caller
	 * @return whether the caller is anonymous, so that a refusal asks it to authenticate
	 */
	public boolean isAnonymous(Authentication authentication) {
		return authentication == NOBODY || this.trust.isAnonymous(authentication);
	}

	/**
	 * Evaluate a rule for the current caller.
	 * @param expression the rule
	 * @param resource the row the rule guards, when known
	 * @param resourceKnown whether it is known ({@code resource} may be {@code null} then)
	 * @return whether the rule grants, or {@code null} when it names the row and the row is not
	 * known yet
	 */
	public @Nullable Boolean evaluate(String expression, @Nullable Object resource, boolean resourceKnown) {
		AccessExpressionRoot root = new AccessExpressionRoot(caller(), resource, resourceKnown);
		root.setTrustResolver(this.trust);
		if (this.roleHierarchy != null) {
			root.setRoleHierarchy(this.roleHierarchy);
		}
		if (this.permissions != null) {
			root.setPermissionEvaluator(this.permissions);
		}
		if (this.rolePrefix != null) {
			root.setDefaultRolePrefix(this.rolePrefix);
		}
		StandardEvaluationContext context = new StandardEvaluationContext(root);
		if (this.beans != null) {
			context.setBeanResolver(this.beans);
		}
		Expression parsedExpression = this.parsed.computeIfAbsent(expression, this.parser::parseExpression);
		try {
			return Boolean.TRUE.equals(parsedExpression.getValue(context, Boolean.class));
		}
		catch (RuntimeException ex) {
			if (isRowNotKnown(ex)) {
				return null;
			}
			throw new IllegalStateException("The access rule '" + expression + "' failed: " + ex.getMessage(), ex);
		}
	}

	private static boolean isRowNotKnown(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AccessExpressionRoot.RowNotKnownException) {
				return true;
			}
		}
		return false;
	}

}
