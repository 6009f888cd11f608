package dev.restless.it.app;

import org.hibernate.Session;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Enables a Hibernate filter in every new session while a test asks for it, as an application
 * does for soft deletes or tenants: {@link Computer}'s {@code withVendor} filter hides the
 * computers without a vendor. Every session means those of the transactions and those open in
 * the view alike.
 */
@Configuration(proxyBeanMethods = false)
public class SessionFilters {

	/** The filter to enable in each new session, or {@code null} for none. */
	public static volatile String enabled;

	@Bean
	static BeanPostProcessor sessionFilterEnabler() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof AbstractEntityManagerFactoryBean factory) {
					factory.setEntityManagerInitializer((entityManager) -> {
						String filter = enabled;
						if (filter != null) {
							entityManager.unwrap(Session.class).enableFilter(filter);
						}
					});
				}
				return bean;
			}

		};
	}

}
