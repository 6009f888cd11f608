package dev.restless.security;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.domain.Specification;
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
 * <pre>{@code
 * @Bean
 * RowScope<Goal> goalScope() {
 *     return (authentication) -> isAdmin(authentication) ? Specification.unrestricted()
 *             : (goal, query, builder) -> builder.equal(goal.get("user").get("username"), authentication.getName());
 * }
 * }</pre>
 *
 * @param <T> the entity of the resource
 */
@FunctionalInterface
public interface RowScope<T> {

	/**
	 * The restriction for a caller.
	 * @param authentication the caller, or {@code null} when the request carries no
	 * authentication (Spring Security's anonymous caller is an {@code AnonymousAuthenticationToken})
	 * @return the rows the caller may reach; {@link Specification#unrestricted()} (or a
	 * specification whose predicate is {@code null}) for all of them
	 */
	Specification<T> restrict(@Nullable Authentication authentication);

}
