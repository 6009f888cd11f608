package dev.restless.it.secured;

import dev.restless.processing.Preprocessor;
import dev.restless.processing.ProcessorScope;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * What the secured test applications share, added to the test application: Spring Security with
 * method security, two users, an application repository whose {@code save} only an admin may
 * call, and a preprocessor that refuses writes to skills to all but an admin. Each test adds its
 * own security filter chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableJpaRepositories(basePackageClasses = BadgeRepository.class)
public class SecuredApplication {

	/** A user with role {@code USER}. */
	public static final String ALICE = "alice";

	/** A user with role {@code ADMIN}. */
	public static final String ADMIN = "admin";

	/** The password of both users. */
	public static final String PASSWORD = "secret";

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername(ALICE).password("{noop}" + PASSWORD).roles("USER").build(),
				User.withUsername(ADMIN).password("{noop}" + PASSWORD).roles("ADMIN").build());
	}

	@Bean
	@ProcessorScope(collections = "skills")
	Preprocessor onlyAdminsWriteSkills() {
		return (context) -> {
			if (!context.operation().name().startsWith("GET") && !isAdmin()) {
				throw new AccessDeniedException("Only an admin may change skills");
			}
		};
	}

	private static boolean isAdmin() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null
				&& caller.getAuthorities().stream().anyMatch((role) -> role.getAuthority().equals("ROLE_ADMIN"));
	}

}
