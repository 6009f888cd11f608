package dev.restless.it.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.restless.query.InvalidQueryException;
import dev.restless.query.FilterOperator;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Filter operators the application adds: a new one taking a value, one taking a raw argument, and
 * one replacing the built-in {@code equal_to} (which records that it ran).
 */
@Configuration(proxyBeanMethods = false)
public class TestFilterOperators {

	/** Values the replacing {@code equal_to} operator was built with. */
	public static final List<Object> equalToCalls = new CopyOnWriteArrayList<>();

	@Bean
	FilterOperator startsWithOperator() {
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
			@SuppressWarnings("unchecked")
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
				return builder.like((Expression<String>) field, FilterOperator.escapeLike((String) value) + "%", '\\');
			}

		};
	}

	@Bean
	FilterOperator longerThanOperator() {
		return new FilterOperator() {

			@Override
			public String name() {
				return "longer_than";
			}

			@Override
			public Argument argument() {
				return Argument.RAW;
			}

			@Override
			public boolean appliesTo(Class<?> type) {
				return type == String.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public Predicate toPredicate(CriteriaBuilder builder, Expression<?> field, Object value) {
				if (!(value instanceof Integer length) || length < 0) {
					throw new InvalidQueryException("'longer_than' needs a length: a whole number from 0");
				}
				return builder.greaterThan(builder.length((Expression<String>) field), length);
			}

		};
	}

	@Bean
	FilterOperator equalToOperator() {
		return FilterOperator.of("equal_to", (builder, field, value) -> {
			equalToCalls.add(value);
			return builder.equal(field, value);
		});
	}

}
