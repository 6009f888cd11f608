package dev.restless.internal.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.support.Repositories;

/**
 * The Spring Data repository behind each resource: the application's own when it declares one
 * for the entity (so its customisations apply), otherwise one created for the entity.
 */
public final class ResourceRepositories {

	private final ListableBeanFactory beanFactory;

	private final EntityManager entityManager;

	private final Map<Class<?>, CrudRepository<Object, Object>> repositories = new ConcurrentHashMap<>();

	private volatile @Nullable Repositories applicationRepositories;

	/**
	 * Create the lookup.
	 * @param beanFactory where the application's repositories are found
	 * @param entityManager a shared, transaction-bound entity manager
	 */
	public ResourceRepositories(ListableBeanFactory beanFactory, EntityManager entityManager) {
		this.beanFactory = beanFactory;
		this.entityManager = entityManager;
	}

	/**
	 * The repository of a resource.
	 * @param resource the resource
	 * @return its repository
	 */
	public CrudRepository<Object, Object> of(ResourceDescriptor resource) {
		return this.repositories.computeIfAbsent(resource.entityClass(), this::lookup);
	}

	@SuppressWarnings("unchecked")
	private CrudRepository<Object, Object> lookup(Class<?> entityClass) {
		Object declared = applicationRepositories().getRepositoryFor(entityClass).orElse(null);
		if (declared instanceof CrudRepository<?, ?> crud) {
			return (CrudRepository<Object, Object>) crud;
		}
		return new SimpleJpaRepository<>((Class<Object>) entityClass, this.entityManager);
	}

	private Repositories applicationRepositories() {
		// Created on first use: building it while the context starts would initialise every
		// repository bean too early.
		Repositories repositories = this.applicationRepositories;
		if (repositories == null) {
			repositories = new Repositories(this.beanFactory);
			this.applicationRepositories = repositories;
		}
		return repositories;
	}

}
