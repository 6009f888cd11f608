package dev.restless.it.app;

import java.util.function.Consumer;

import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * A JPA entity listener whose behaviour each test sets: it runs while Restless flushes an update
 * or removes an entity, after the request's own checks, so a test can make another writer win a
 * race at exactly that moment. Tests reset it after use.
 */
public class EntityHooks {

	public static volatile Consumer<Object> beforeUpdate = (entity) -> {
	};

	public static volatile Consumer<Object> beforeRemove = (entity) -> {
	};

	public static void reset() {
		beforeUpdate = (entity) -> {
		};
		beforeRemove = (entity) -> {
		};
	}

	@PreUpdate
	void preUpdate(Object entity) {
		beforeUpdate.accept(entity);
	}

	@PreRemove
	void preRemove(Object entity) {
		beforeRemove.accept(entity);
	}

}
