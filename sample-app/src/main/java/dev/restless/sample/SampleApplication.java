package dev.restless.sample;

import dev.restless.query.FilterOperator;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A runnable demo of Restless: people who own computers, and users who own trees of goals, served
 * as JSON:API under {@code /api} with seeded data.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/**
	 * A filter operator of the application's own: {@code starts_with} matches text that starts
	 * with the value, as the README's section on custom operators shows.
	 * @return the operator
	 */
	@Bean
	FilterOperator startsWith() {
		return new FilterOperator() {

			@Override
			public String name() {
				return "starts_with";
			}

			@Override
			public boolean appliesTo(Class<?> type) {
				return type == String.class;
			}

			@Override
			@SuppressWarnings("unchecked") // appliesTo admits text fields only
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
				return builder.like((Expression<String>) field, FilterOperator.escapeLike((String) value) + "%", '\\');
			}

		};
	}

}
