package dev.restless.it.secured;

import java.net.HttpCookie;
import java.util.List;
import java.util.Optional;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.security.JsonApiSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.web.SecurityFilterChain;

import static dev.restless.it.secured.SecuredApi.assertRefused;
import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose browser clients sign in with a form and keep a session in a cookie, so
 * CSRF protection stays on (the token in the {@code XSRF-TOKEN} cookie, sent back in the
 * {@code X-XSRF-TOKEN} header), with
 * {@link JsonApiSecurity}: a write without the token is a JSON:API {@code 403}, one with it
 * works, and a refused anonymous request creates no session.
 */
class CookieSessionApiSecurityIT {

	private static final String NOTE = json("{'data': {'type': 'notes', 'attributes': {'text': 'Remember'}}}");

	@RegisterExtension
	static final SecuredApi api = new SecuredApi("cookie-session-security", CookieSessionChain.class);

	@Test
	void anAnonymousRefusalIsA401JsonApiErrorThatCreatesNoSession() {
		ApiResponse response = api.anonymous("GET", "/api/tags", null);
		assertRefused(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic ");
		assertThat(cookie(response, "JSESSIONID")).isEmpty();
	}

	@Test
	void aWriteWithoutTheCsrfTokenIsA403JsonApiErrorThatNamesTheToken() {
		Session session = signIn();
		ApiResponse response = api.exchange("POST", "/api/notes", NOTE, "Accept", JsonApiClient.JSON_API,
				"Content-Type", JsonApiClient.JSON_API, "Cookie", session.cookies());
		assertRefused(response, 403);
		assertThat(response.firstError().get("detail").asString()).contains("CSRF").contains("X-XSRF-TOKEN");
		assertThat(api.exchange("GET", "/api/notes", null, "Accept", JsonApiClient.JSON_API, "Cookie",
				session.cookies()).at("/data").size()).isZero();
	}

	@Test
	void aWriteWithTheTokenOfTheCookieInTheXsrfHeaderWorks() {
		Session session = signIn();
		ApiResponse response = api.exchange("POST", "/api/notes", NOTE, "Accept", JsonApiClient.JSON_API,
				"Content-Type", JsonApiClient.JSON_API, "Cookie", session.cookies(), "X-XSRF-TOKEN",
				session.csrfToken());
		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.at("/data/attributes/text").asString()).isEqualTo("Remember");
	}

	/**
	 * Sign in as a browser does: fetch a page for the CSRF token, post the login form with it, and
	 * fetch again for the token of the new session.
	 */
	private static Session signIn() {
		String loginToken = cookie(api.exchange("GET", "/api/notes", null, "Accept", JsonApiClient.JSON_API),
				"XSRF-TOKEN")
			.orElseThrow();
		ApiResponse login = api.exchange("POST", "/login",
				"username=" + SecuredApplication.ALICE + "&password=" + SecuredApplication.PASSWORD, "Content-Type",
				"application/x-www-form-urlencoded", "Cookie", "XSRF-TOKEN=" + loginToken, "X-XSRF-TOKEN",
				loginToken);
		assertThat(login.status()).as(login.text()).isEqualTo(302);
		assertThat(login.header("Location")).doesNotContain("error");
		String session = cookie(login, "JSESSIONID").orElseThrow();
		String token = cookie(api.exchange("GET", "/api/notes", null, "Accept", JsonApiClient.JSON_API, "Cookie",
				"JSESSIONID=" + session), "XSRF-TOKEN")
			.orElseThrow();
		return new Session(session, token);
	}

	private static Optional<String> cookie(ApiResponse response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(HttpCookie::parse)
			.flatMap(List::stream)
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private record Session(String id, String csrfToken) {

		String cookies() {
			return "JSESSIONID=" + this.id + "; XSRF-TOKEN=" + this.csrfToken;
		}

	}

	/**
	 * A browser application: a form login keeps the caller in a session cookie, so CSRF protection
	 * stays on, set up for a single-page application (the token in a cookie that scripts read).
	 */
	@Configuration(proxyBeanMethods = false)
	static class CookieSessionChain {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/tags/**")
					.authenticated()
					.requestMatchers(HttpMethod.POST, "/api/**")
					.authenticated()
					.anyRequest()
					.permitAll())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults())
				.csrf(CsrfConfigurer::spa)
				.with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())
				.build();
		}

	}

}
