package dev.restless.it.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/** Fills @CreatedDate and @LastModifiedDate, which clients may read but never write. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing
public class AuditingConfiguration {

}
