package dev.restless.internal.security;

import dev.restless.Operation;
import dev.restless.ResourceMethod;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.metamodel.AccessRules;
import dev.restless.internal.metamodel.FieldVisibility;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import dev.restless.internal.service.AccessControl;
import dev.restless.internal.service.OperationRules;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;

/**
 * The access rules of the resources, evaluated as Spring Security expressions. A refused
 * operation throws Spring Security's {@link AccessDeniedException}, as {@code @PreAuthorize}
 * does, so Spring Security answers it: {@code 401} with the application's authentication scheme
 * for an anonymous caller, {@code 403} for the others. A field the caller may not write is a
 * {@code 403} pointing at it.
 */
public final class ExpressionAccessControl implements AccessControl, FieldVisibility {

	private final AccessExpressions expressions;

	/**
	 * Create the access control, checking every rule first.
	 * @param expressions evaluates the rules
	 * @param registry the exposed resources, whose rules are checked at once so that a mistake
	 * fails start-up rather than a request
	 */
	public ExpressionAccessControl(AccessExpressions expressions, ResourceRegistry registry) {
		this.expressions = expressions;
		for (ResourceDescriptor resource : registry.all()) {
			AccessRules rules = resource.access();
			String where = "'" + resource.type() + "'";
			validate(rules.read(), false, "reading " + where);
			validate(rules.create(), true, "creating " + where);
			validate(rules.update(), true, "updating " + where);
			validate(rules.delete(), true, "deleting " + where);
			validate(rules.relationships(), true, "changing the relationships of " + where);
			rules.fields().forEach((field, fieldRules) -> {
				validate(fieldRules.read(), false, "reading '" + field + "' of " + where);
				validate(fieldRules.write(), false, "writing '" + field + "' of " + where);
			});
		}
	}

	private void validate(@Nullable String rule, boolean mayNameResource, String where) {
		if (rule != null) {
			this.expressions.validate(rule, mayNameResource, where);
		}
	}

	@Override
	public void check(ResourceDescriptor resource, Operation operation, @Nullable Object entity) {
		String rule = ruleOf(resource.access(), operation);
		if (rule == null) {
			return;
		}
		Boolean granted = this.expressions.evaluate(rule, entity, entity != null);
		if (granted == null && entity == null && isRead(operation)) {
			// a read is decided before any row is loaded: a read rule that names the row refuses
			granted = false;
		}
		if (granted != null && !granted) {
			throw new AccessDeniedException("You may not " + verb(operation) + " '" + resource.type() + "'");
		}
	}

	@Override
	public void checkFieldWrite(ResourceDescriptor resource, String field, String pointer) {
		AccessRules.FieldRules rules = resource.access().fields().get(field);
		if (rules == null || rules.write() == null) {
			return;
		}
		if (Boolean.TRUE.equals(this.expressions.evaluate(rules.write(), null, true))) {
			return;
		}
		if (this.expressions.isAnonymous(this.expressions.caller())) {
			throw new AccessDeniedException("Authentication is required to write '" + field + "'");
		}
		throw new JsonApiException(ErrorObject.atPointer(403, "Forbidden",
				"You may not write '" + field + "' of '" + resource.type() + "'", pointer));
	}

	@Override
	public boolean mayRead(ResourceDescriptor resource) {
		String rule = resource.access().read();
		return rule == null || Boolean.TRUE.equals(this.expressions.evaluate(rule, null, false));
	}

	@Override
	public boolean readable(ResourceDescriptor resource, String field) {
		AccessRules.FieldRules rules = resource.access().fields().get(field);
		if (rules == null || rules.read() == null) {
			return true;
		}
		return Boolean.TRUE.equals(this.expressions.evaluate(rules.read(), null, true));
	}

	private static @Nullable String ruleOf(AccessRules rules, Operation operation) {
		return switch (operation) {
			case GET_COLLECTION, GET_RESOURCE, GET_RELATED, GET_RELATED_RESOURCE, GET_RELATIONSHIP, EVAL ->
				rules.read();
			case POST_RESOURCE -> rules.create();
			case PATCH_RESOURCE -> rules.update();
			case DELETE_RESOURCE -> rules.delete();
			case POST_RELATIONSHIP, PATCH_RELATIONSHIP, DELETE_RELATIONSHIP -> rules.relationshipChanges();
		};
	}

	private static boolean isRead(Operation operation) {
		// the rules say once which operations read: those that need GET enabled
		return OperationRules.methodOf(operation) == ResourceMethod.GET;
	}

	private static String verb(Operation operation) {
		return switch (operation) {
			case POST_RESOURCE -> "create";
			case PATCH_RESOURCE -> "update";
			case DELETE_RESOURCE -> "delete";
			case POST_RELATIONSHIP, PATCH_RELATIONSHIP, DELETE_RELATIONSHIP -> "change the relationships of";
			default -> "read";
		};
	}

}
