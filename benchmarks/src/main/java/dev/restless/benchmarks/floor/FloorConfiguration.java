package dev.restless.benchmarks.floor;

import javax.sql.DataSource;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves {@link FloorServlet} at {@code /floor/people/{id}}. */
@Configuration(proxyBeanMethods = false)
class FloorConfiguration {

	@Bean
	ServletRegistrationBean<FloorServlet> floorServlet(DataSource dataSource) {
		return new ServletRegistrationBean<>(new FloorServlet(dataSource), "/floor/people/*");
	}

}
