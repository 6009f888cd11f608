package dev.restless.it.secured;

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
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import static dev.restless.it.secured.SecuredApi.assertRefused;
import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that secures the API the recommended way for a stateless API (HTTP Basic, no
 * session, no CSRF because no cookies) with {@link JsonApiSecurity}, next to a form login for its
 * pages: refusals of API requests are JSON:API {@code 401} and {@code 403} documents with the
 * Basic challenge, never a login redirect or a session, while its other pages keep the login
 * redirect.
 */
class StatelessApiSecurityIT {

	@RegisterExtension
	static final SecuredApi api = new SecuredApi("stateless-security", StatelessChain.class);

	@Test
	void anAnonymousReadOfAProtectedCollectionIsA401JsonApiErrorWithTheBasicChallengeAndNoCookie() {
		ApiResponse response = api.anonymous("GET", "/api/tags", null);
		assertRefused(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"Realm\"");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aBrowserAskingTheApiForHtmlIsRefusedWith401RatherThanSentToTheLoginPage() {
		ApiResponse response = api.exchange("GET", "/api/tags", null, "Accept", "text/html");
		assertRefused(response, 401);
		assertThat(response.header("Location")).isNull();
	}

	@Test
	void badCredentialsAreA401JsonApiError() {
		ApiResponse response = api.exchange("GET", "/api/tags", null, "Accept", JsonApiClient.JSON_API,
				"Authorization", SecuredApi.basic(SecuredApplication.ALICE, "wrong"));
		assertRefused(response, 401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic ");
	}

	@Test
	void validCredentialsReadTheProtectedCollection() {
		ApiResponse response = api.as(SecuredApplication.ALICE, "GET", "/api/tags", null);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.at("/data").isArray()).isTrue();
	}

	@Test
	void anAuthenticatedCallerRefusedByTheChainsRulesGetsA403JsonApiError() {
		ApiResponse response = api.as(SecuredApplication.ALICE, "DELETE", "/api/notes/1", null);
		assertRefused(response, 403);
		assertThat(response.firstError().get("detail").asString())
			.isEqualTo("The caller may not perform this request");
		assertThat(response.header("WWW-Authenticate")).isNull();
	}

	@Test
	void anAccessDeniedExceptionFromAnEndpointIs401ForAnAnonymousCallerAnd403ForAnAuthenticatedOne() {
		String skill = json("{'data': {'type': 'skills', 'attributes': {'name': 'Welding'}}}");
		ApiResponse anonymous = api.anonymous("POST", "/api/skills", skill);
		assertRefused(anonymous, 401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic ");
		ApiResponse refused = api.as(SecuredApplication.ALICE, "POST", "/api/skills", skill);
		assertRefused(refused, 403);
		assertThat(refused.firstError().get("detail").asString()).isEqualTo("Only an admin may change skills");
		assertThat(api.as(SecuredApplication.ADMIN, "GET", "/api/skills", null).at("/data").size()).isZero();
	}

	@Test
	void aPostWithValidCredentialsNeedsNoCsrfTokenInAStatelessChain() {
		ApiResponse created = api.as(SecuredApplication.ADMIN, "POST", "/api/skills",
				json("{'data': {'type': 'skills', 'attributes': {'name': 'Joinery'}}}"));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void aPreAuthorizeOnTheApplicationsRepositoryIsHonouredThroughTheApi() {
		String badge = json("{'data': {'type': 'badges', 'attributes': {'label': 'Gold'}}}");
		assertRefused(api.anonymous("POST", "/api/badges", badge), 401);
		assertRefused(api.as(SecuredApplication.ALICE, "POST", "/api/badges", badge), 403);
		assertThat(api.as(SecuredApplication.ALICE, "GET", "/api/badges", null).at("/data").size()).isZero();
		ApiResponse created = api.as(SecuredApplication.ADMIN, "POST", "/api/badges", badge);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.at("/data/attributes/label").asString()).isEqualTo("Gold");
	}

	@Test
	void aRefusedAtomicRequestIsAnsweredWithTheAtomicMediaType() {
		ApiResponse response = api.exchange("POST", "/api/operations",
				json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'notes', 'attributes': {'text': 'x'}}}]}"),
				"Accept", JsonApiClient.ATOMIC, "Content-Type", JsonApiClient.ATOMIC);
		assertThat(response.status()).as(response.text()).isEqualTo(401);
		assertThat(response.header("Content-Type")).isEqualTo(JsonApiClient.ATOMIC);
		assertThat(response.firstError().get("status").asString()).isEqualTo("401");
	}

	@Test
	void aPageOutsideTheApiKeepsTheApplicationsLoginRedirect() {
		ApiResponse response = api.exchange("GET", "/account", null, "Accept", "text/html");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	/** HTTP Basic for the API, without sessions or CSRF; a form login for the application's pages. */
	@Configuration(proxyBeanMethods = false)
	static class StatelessChain {

		@Bean
		SecurityFilterChain chain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/tags/**")
					.authenticated()
					.requestMatchers(HttpMethod.DELETE, "/api/**")
					.hasRole("ADMIN")
					.requestMatchers("/api/operations", "/account")
					.authenticated()
					.anyRequest()
					.permitAll())
				.formLogin(Customizer.withDefaults())
				.httpBasic(Customizer.withDefaults())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.with(JsonApiSecurity.jsonApi(), Customizer.withDefaults())
				.build();
		}

	}

}
