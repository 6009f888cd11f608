package dev.restless.internal.persistence;

import dev.restless.internal.metamodel.ResourceDescriptor;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.jspecify.annotations.Nullable;

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
		public @Nullable Predicate predicate(ResourceDescriptor resource, Root<?> root, CriteriaQuery<?> query,
				CriteriaBuilder builder) {
			return null;
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
	 * @param root the root
	 * @param query the query
	 * @param builder the criteria builder
	 * @return the predicate the root's rows must satisfy, or {@code null} for every row
	 */
	@Nullable Predicate predicate(ResourceDescriptor resource, Root<?> root, CriteriaQuery<?> query,
			CriteriaBuilder builder);

}
