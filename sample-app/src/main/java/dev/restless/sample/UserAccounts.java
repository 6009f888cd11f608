package dev.restless.sample;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Looks users up by the name they sign in with. */
interface UserAccounts extends Repository<User, Long> {

	Optional<User> findByUsername(String username);

}
