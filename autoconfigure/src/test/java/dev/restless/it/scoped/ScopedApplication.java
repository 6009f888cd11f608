package dev.restless.it.scoped;

import dev.restless.security.JsonApiSecurity;
import dev.restless.security.RowScope;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A multi-user application secured with Spring Security: HTTP Basic, Restless's access rules
 * deciding what each caller may do, and a row scope giving each member their own tasks (admins
 * all of them).
 */
@SpringBootApplication
@EnableWebSecurity
public class ScopedApplication {

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.httpBasic((basic) -> {
			})
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice-password").roles("USER").build(),
				User.withUsername("bob").password("{noop}bob-password").roles("USER").build(),
				User.withUsername("admin").password("{noop}admin-password").roles("USER", "ADMIN").build());
	}

	@Bean
	RowScope<Task> ownTasks() {
		return (authentication) -> isAdmin(authentication) ? Specification.unrestricted()
				: (task, query, builder) -> builder.equal(task.get("owner").get("username"),
						(authentication != null) ? authentication.getName() : "");
	}

	private static boolean isAdmin(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ADMIN"));
	}

}
