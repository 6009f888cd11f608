package dev.restless.sample;

import dev.restless.security.JsonApiSecurity;
import dev.restless.security.RowScope;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample as a multi-user API: users sign in with HTTP Basic against the users in the
 * database, with no session and so no CSRF token (no cookie carries credentials). Who may do what
 * is said on the resources ({@code readAccess}, {@code createAccess}, ... of
 * {@code @ExposedResource}), and which goals each user reaches by {@link #goalScope()}.
 */
@Configuration(proxyBeanMethods = false)
class SampleSecurity {

	/** The rule of writes to people and computers: editors and admins. */
	static final String EDITORS = "hasAnyRole('EDITOR', 'ADMIN')";

	@Bean
	SecurityFilterChain api(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService users(UserAccounts accounts) {
		return (username) -> accounts.findByUsername(username)
			.filter((user) -> user.getPassword() != null)
			.map((user) -> org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
				.password(user.getPassword())
				.roles(user.getRole().name())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/**
	 * Each user reaches their own goals only; an admin reaches every goal.
	 * @return the scope of goals
	 */
	@Bean
	RowScope<Goal> goalScope() {
		return (caller) -> isAdmin(caller) ? PredicateSpecification.unrestricted()
				: (goal, builder) -> signedIn(caller)
						? builder.equal(goal.get("owner").get("username"), caller.getName())
						: builder.disjunction();
	}

	private static boolean signedIn(@Nullable Authentication caller) {
		return caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
	}

	private static boolean isAdmin(@Nullable Authentication caller) {
		return signedIn(caller)
				&& caller.getAuthorities().stream().anyMatch((role) -> role.getAuthority().equals("ROLE_ADMIN"));
	}

}
