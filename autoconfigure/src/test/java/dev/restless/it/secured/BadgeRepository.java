package dev.restless.it.secured;

import dev.restless.it.app.Badge;

import org.springframework.data.repository.CrudRepository;
import org.springframework.security.access.prepost.PreAuthorize;

/** The application's own repository of badges: Restless creates badges through its {@code save}. */
public interface BadgeRepository extends CrudRepository<Badge, Integer> {

	@Override
	@PreAuthorize("hasRole('ADMIN')")
	<S extends Badge> S save(S badge);

}
