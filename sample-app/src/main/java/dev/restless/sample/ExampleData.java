package dev.restless.sample;

import java.time.LocalDateTime;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the resources the README's examples of concurrency control and function evaluation use:
 * a counter, a note and three measurements. Switched off with the rest of the seed data
 * ({@code sample.seed=false}).
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.seed", matchIfMissing = true)
class ExampleData implements ApplicationRunner {

	private final EntityManager entityManager;

	ExampleData(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long counters = this.entityManager.createQuery("select count(c) from Counter c", Long.class)
			.getSingleResult();
		if (counters > 0) {
			return;
		}
		this.entityManager.persist(new Counter("visits", 41));
		this.entityManager.persist(new Note("Buy more punched cards"));
		this.entityManager.persist(new Measurement(3, LocalDateTime.of(2024, 1, 1, 8, 0), true));
		this.entityManager.persist(new Measurement(5, LocalDateTime.of(2024, 1, 3, 8, 0), true));
		this.entityManager.persist(new Measurement(1, LocalDateTime.of(2024, 1, 5, 8, 0), false));
	}

}
