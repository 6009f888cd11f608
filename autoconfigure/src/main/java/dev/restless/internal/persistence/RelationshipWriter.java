package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.restless.internal.metamodel.PropertyAccessor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Changes relationships in memory and keeps both sides of a bidirectional association consistent,
 * so that whichever side owns the association in JPA, the change reaches the database.
 */
public final class RelationshipWriter {

	private final ResourceRegistry registry;

	private final Map<InverseKey, PropertyAccessor> inverseAccessors = new ConcurrentHashMap<>();

	/**
	 * Create a writer.
	 * @param registry the exposed resources
	 */
	public RelationshipWriter(ResourceRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Set a to-one relationship.
	 * @param resource the resource of the owner
	 * @param owner the entity
	 * @param relationship the to-one relationship
	 * @param target the new target, or {@code null}
	 * @return whether the target changed
	 */
	public boolean setToOne(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship,
			@Nullable Object target) {
		Object previous = relationship.accessor().get(owner);
		boolean changed = !sameEntity(targetOf(relationship), previous, target);
		relationship.accessor().set(owner, target);
		String inverse = relationship.inverseAttributeName();
		if (inverse == null) {
			return changed;
		}
		if (previous != null && changed) {
			unlinkInverse(previous, inverse, owner, relationship.ownedByInverse());
		}
		if (target != null) {
			linkInverse(target, inverse, owner, relationship.ownedByInverse());
		}
		return changed;
	}

	/**
	 * Whether a to-many relationship has exactly these members, whatever their order.
	 * @param owner the entity
	 * @param relationship the to-many relationship
	 * @param members the members to compare with
	 * @return whether every member is in the relationship and every one of its members among them
	 */
	public boolean hasExactly(Object owner, RelationshipDescriptor relationship, Collection<Object> members) {
		Collection<Object> current = collection(owner, relationship);
		ResourceDescriptor target = targetOf(relationship);
		for (Object member : members) {
			if (current.stream().noneMatch((m) -> sameEntity(target, m, member))) {
				return false;
			}
		}
		for (Object member : current) {
			if (members.stream().noneMatch((m) -> sameEntity(target, m, member))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Replace the members of a to-many relationship.
	 * @param resource the resource of the owner
	 * @param owner the entity
	 * @param relationship the to-many relationship
	 * @param members the new members
	 * @return whether any member was removed or added
	 */
	public boolean replaceToMany(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship,
			Collection<Object> members) {
		Collection<Object> current = collection(owner, relationship);
		ResourceDescriptor target = targetOf(relationship);
		List<Object> removed = new ArrayList<>();
		for (Object member : current) {
			if (members.stream().noneMatch((m) -> sameEntity(target, m, member))) {
				removed.add(member);
			}
		}
		boolean removedAny = removeFromToMany(resource, owner, relationship, removed);
		return addToMany(resource, owner, relationship, members) || removedAny;
	}

	/**
	 * Add members to a to-many relationship; members already there are not added twice.
	 * @param resource the resource of the owner
	 * @param owner the entity
	 * @param relationship the to-many relationship
	 * @param members the members to add
	 * @return whether any member was added
	 */
	public boolean addToMany(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship,
			Collection<Object> members) {
		Collection<Object> current = collection(owner, relationship);
		ResourceDescriptor target = targetOf(relationship);
		boolean added = false;
		for (Object member : members) {
			if (current.stream().noneMatch((m) -> sameEntity(target, m, member))) {
				current.add(member);
				added = true;
				if (relationship.inverseAttributeName() != null) {
					linkInverse(member, relationship.inverseAttributeName(), owner, relationship.ownedByInverse());
				}
			}
		}
		return added;
	}

	/**
	 * Remove members from a to-many relationship; members that are not there are ignored.
	 * @param resource the resource of the owner
	 * @param owner the entity
	 * @param relationship the to-many relationship
	 * @param members the members to remove
	 * @return whether any member was removed
	 */
	public boolean removeFromToMany(ResourceDescriptor resource, Object owner, RelationshipDescriptor relationship,
			Collection<Object> members) {
		Collection<Object> current = collection(owner, relationship);
		ResourceDescriptor target = targetOf(relationship);
		boolean removedAny = false;
		for (Object member : members) {
			boolean removed = current.removeIf((m) -> sameEntity(target, m, member));
			if (removed && relationship.inverseAttributeName() != null) {
				unlinkInverse(member, relationship.inverseAttributeName(), owner, relationship.ownedByInverse());
			}
			removedAny |= removed;
		}
		return removedAny;
	}

	private ResourceDescriptor targetOf(RelationshipDescriptor relationship) {
		return this.registry.find(relationship.targetClass()).orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Collection<Object> collection(Object owner, RelationshipDescriptor relationship) {
		Collection<Object> current = (Collection<Object>) relationship.accessor().get(owner);
		if (current == null) {
			current = Set.class.isAssignableFrom(relationship.accessor().type()) ? new LinkedHashSet<>()
					: new ArrayList<>();
			relationship.accessor().set(owner, current);
		}
		return current;
	}

	private boolean sameEntity(ResourceDescriptor resource, @Nullable Object a, @Nullable Object b) {
		if (a == null || b == null) {
			return a == b;
		}
		Object keyA = resource.keyOf(a);
		return a == b || (keyA != null && keyA.equals(resource.keyOf(b)));
	}

	/**
	 * Make {@code member}'s side point back at {@code owner}.
	 * @param owning whether {@code member}'s side owns the association
	 */
	private void linkInverse(Object member, String inverseName, Object owner, boolean owning) {
		PropertyAccessor inverse = inverseAccessor(member, inverseName);
		if (Collection.class.isAssignableFrom(inverse.type())) {
			@SuppressWarnings("unchecked")
			Collection<Object> collection = (Collection<Object>) inverse.get(member);
			// An uninitialised collection is left alone where the other side carries the change to
			// the database, as loading it would cost a query; where it owns the association, only
			// changing it writes the join table.
			if (collection != null && (owning || Hibernate.isInitialized(collection)) && !collection.contains(owner)) {
				collection.add(owner);
			}
			else if (collection == null) {
				List<Object> created = new ArrayList<>();
				created.add(owner);
				inverse.set(member, Set.class.isAssignableFrom(inverse.type()) ? new LinkedHashSet<>(created) : created);
			}
		}
		else {
			inverse.set(member, owner);
		}
	}

	private void unlinkInverse(Object member, String inverseName, Object owner, boolean owning) {
		PropertyAccessor inverse = inverseAccessor(member, inverseName);
		if (Collection.class.isAssignableFrom(inverse.type())) {
			Collection<?> collection = (Collection<?>) inverse.get(member);
			if (collection != null && (owning || Hibernate.isInitialized(collection))) {
				collection.remove(owner);
			}
		}
		else if (inverse.get(member) == owner || Hibernate.unproxy(inverse.get(member)) == Hibernate.unproxy(owner)) {
			inverse.set(member, null);
		}
	}

	private PropertyAccessor inverseAccessor(Object member, String inverseName) {
		// Accessors compile their getter and setter, so each one is built once, not once per member.
		Class<?> memberClass = Hibernate.getClass(member);
		return this.inverseAccessors.computeIfAbsent(new InverseKey(memberClass, inverseName),
				(key) -> PropertyAccessor.of(memberClass, inverseName,
						ReflectionUtils.findField(memberClass, inverseName)));
	}

	private record InverseKey(Class<?> memberClass, String attribute) {
	}

}
