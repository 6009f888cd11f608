package dev.restless.security;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.security.core.Authentication;

/**
 * The rows of one exposed resource that a caller may reach. Declare one bean per resource, typed
 * with its entity ({@code RowScope<Goal>}); Restless adds the restriction it returns to every
 * statement that reads the resource's rows: collections and their totals, single resources,
 * related resources, relationship linkage, included resources, filters and sorts that traverse
 * into the resource, cursor pages, functions, and the lookups of writes and atomic operations.
 * Rows outside the scope are as if they did not exist ({@code 404} when named), and a write that
 * would leave the row it writes outside the caller's scope is refused with {@code 403}.
 *
 * <p>
 * Declare at most one scope per entity; a scope of an entity covers its subclasses, and a
 * subclass exposed beside its superclass cannot have a scope of its own (its rows are also read
 * as rows of the superclass). Both mistakes fail start-up.
 *
 * <pre>{@code
 * @Bean
 * RowScope<Goal> goalScope() {
 *     return (caller) -> isAdmin(caller) ? PredicateSpecification.unrestricted()
 *             : (goal, builder) -> builder.equal(goal.get("owner").get("username"), caller.getName());
 * }
 * }</pre>
 *
 * @param <T> the entity of the resource
 */
@FunctionalInterface
public interface RowScope<T> {

	/**
	 * The restriction for a caller. The predicate is built on the root of each statement, or on
	 * the root of a subquery where the rows are reached through a relationship, so it must not
	 * depend on the statement around it.
	 * @param authentication the caller: an {@code AnonymousAuthenticationToken} when the request
	 * carries no authentication
	 * @return the rows the caller may reach; {@link PredicateSpecification#unrestricted()} for all
	 * of them (a {@code null} result, or a {@code null} predicate, reaches none)
	 */
	@Nullable PredicateSpecification<T> restrict(Authentication authentication);

}
