package dev.restless.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Bean Validation of the entities a write creates or changes: every violation becomes a
 * {@code 422} error object pointing at its attribute or relationship. Without a validator (Bean
 * Validation not on the classpath) nothing is validated.
 */
final class EntityValidation {

	private final ResourceRegistry registry;

	private final @Nullable Validator validator;

	EntityValidation(ResourceRegistry registry, @Nullable Validator validator) {
		this.registry = registry;
		this.validator = validator;
	}

	/**
	 * Validate an entity.
	 * @param resource the resource
	 * @param entity the entity
	 * @throws JsonApiException 422 with one error per violation
	 */
	void validate(ResourceDescriptor resource, Object entity) {
		if (this.validator == null) {
			return;
		}
		Set<ConstraintViolation<Object>> violations = this.validator.validate(entity);
		if (!violations.isEmpty()) {
			throw invalid(resource, violations);
		}
	}

	/**
	 * Whether a property of an entity carries constraints (or cascades validation into its value).
	 * @param resource the resource
	 * @param attribute the JPA attribute name
	 * @return whether validating the entity reads the property
	 */
	boolean isValidated(ResourceDescriptor resource, String attribute) {
		return this.validator != null && this.validator.getConstraintsForClass(resource.entityClass())
			.getConstraintsForProperty(attribute) != null;
	}

	/**
	 * Hibernate validates an entity again when it flushes it, and reaches constraints Restless's
	 * own validation may not have (on a lazy collection it loads for them): such a failure is the
	 * client's, a {@code 422} like any other violation, not a {@code 500}.
	 * @param failure what a flush or commit threw
	 * @return the {@code 422}, when the failure is a violation of an exposed resource's constraints
	 */
	Optional<JsonApiException> flushValidationFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violations && !violations.getConstraintViolations().isEmpty()) {
				Class<?> root = violations.getConstraintViolations().iterator().next().getRootBeanClass();
				return this.registry.find(root).map((resource) -> invalid(resource, violations.getConstraintViolations()));
			}
		}
		return Optional.empty();
	}

	private static JsonApiException invalid(ResourceDescriptor resource, Set<? extends ConstraintViolation<?>> violations) {
		List<ErrorObject> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : violations) {
			errors.add(ValidationErrors.toError(resource, violation));
		}
		errors.sort(Comparator.comparing((ErrorObject e) -> (e.source() != null) ? e.source().pointer() : "")
			.thenComparing(ErrorObject::detail));
		return new JsonApiException(422, errors, Map.of());
	}

}
