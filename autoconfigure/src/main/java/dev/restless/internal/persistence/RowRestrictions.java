package dev.restless.internal.persistence;

import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;

/**
 * The rows of each resource that the caller of the current request may reach. Every query of
 * {@link ResourceQueries} that reads a resource's rows adds the restriction to its own statement,
 * so a scope costs a predicate, not a statement.
 */
public interface RowRestrictions {

	/** Every row of every resource. */
	RowRestrictions NONE = new RowRestrictions() {

		@Override
		public boolean restricts(ResourceDescriptor resource) {
			return false;
		}

		@Override
		public Predicate predicate(ResourceDescriptor resource, From<?, ?> root, CriteriaBuilder builder) {
			return builder.conjunction();
		}

	};

	/**
	 * @param resource a resource
	 * @return whether the current caller's rows of it are restricted
	 */
	boolean restricts(ResourceDescriptor resource);

	/**
	 * The restriction of a query's root.
	 * @param resource the resource of the root
	 * @param root the root, of a statement or a subquery
	 * @param builder the criteria builder
	 * @return the predicate the root's rows must satisfy
	 */
	Predicate predicate(ResourceDescriptor resource, From<?, ?> root, CriteriaBuilder builder);

}
