package dev.restless.autoconfigure;

import java.util.UUID;

import dev.restless.internal.web.JsonApiController;
import dev.restless.internal.web.security.SecurityExceptionPropagation;
import dev.restless.security.JsonApiSecuritySupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class RestlessSecurityWebAutoConfigurationTests {

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
			org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
			org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			RestlessAutoConfiguration.class, RestlessWebMvcAutoConfiguration.class,
			RestlessSecurityWebAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(RestlessAutoConfigurationTests.ValidEntities.class);

	@Test
	void withSpringSecurityTheEndpointsPassSecurityExceptionsOnAndTheConfigurerFindsItsSupport() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecurityExceptionPropagation.class)
				.hasSingleBean(JsonApiSecuritySupport.class);
		});
	}

	@Test
	void backsOffWithoutSpringSecurityOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JsonApiController.class);
			assertThat(context).doesNotHaveBean(SecurityExceptionPropagation.class)
				.doesNotHaveBean(JsonApiSecuritySupport.class);
		});
	}

	@Test
	void backsOffWithoutTheEndpoints() {
		this.runner.withClassLoader(new FilteredClassLoader(org.springframework.web.servlet.DispatcherServlet.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(JsonApiSecuritySupport.class);
			});
	}

	@Test
	void backsOffInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
			.withUserConfiguration(RestlessAutoConfigurationTests.ValidEntities.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(JsonApiSecuritySupport.class)
					.doesNotHaveBean(SecurityExceptionPropagation.class);
			});
	}

	@Test
	void anApplicationsOwnSupportWins() {
		this.runner.withUserConfiguration(OwnSupport.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonApiSecuritySupport.class);
			assertThat(context.getBean(JsonApiSecuritySupport.class)).isSameAs(OwnSupport.SUPPORT);
		});
	}

	@Test
	void apiRequestsAreThoseUnderTheServletPathAndTheBasePath() {
		this.runner.withPropertyValues("restless.base-path=/v1", "spring.mvc.servlet.path=/app").run((context) -> {
			RequestMatcher api = context.getBean(JsonApiSecuritySupport.class).apiRequests();
			assertThat(api.matches(request("/shop", "/shop/app/v1/people"))).isTrue();
			assertThat(api.matches(request("/shop", "/shop/app/v1"))).isTrue();
			assertThat(api.matches(request("/shop", "/shop/app/v10/people"))).isFalse();
			assertThat(api.matches(request("/shop", "/shop/app/api/people"))).isFalse();
			assertThat(api.matches(request("/shop", "/shop/login"))).isFalse();
		});
	}

	@Test
	void apiRequestsAreThoseUnderSlashApiByDefault() {
		this.runner.run((context) -> {
			RequestMatcher api = context.getBean(JsonApiSecuritySupport.class).apiRequests();
			assertThat(api.matches(request("", "/api/people/1"))).isTrue();
			assertThat(api.matches(request("", "/apis"))).isFalse();
			assertThat(api.matches(request("", "/"))).isFalse();
		});
	}

	private static MockHttpServletRequest request(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setContextPath(contextPath);
		return request;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSupport {

		static final JsonApiSecuritySupport SUPPORT = mock(JsonApiSecuritySupport.class);

		@Bean
		JsonApiSecuritySupport ownSupport() {
			return SUPPORT;
		}

	}

}
