package dev.restless.internal.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The columns and unique keys of the entities, as Hibernate names them in the schema, read from
 * its boot-time mapping model when a session factory is built: the runtime metamodel no longer
 * knows the names of unique keys, which the database names when it refuses a duplicate.
 * Registered as a Hibernate {@link Integrator} (through {@code META-INF/services}), so it sees every
 * session factory; {@link #of} gives the mapping of one.
 */
public final class MappedColumns implements Integrator {

	private static final Map<SessionFactoryImplementor, Mapping> MAPPINGS = Collections
		.synchronizedMap(new WeakHashMap<>());

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		Map<String, Class<?>> classes = new HashMap<>();
		Map<Class<?>, Map<String, List<String>>> columns = new HashMap<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> mappedClass = entity.getMappedClass();
			if (mappedClass == null) {
				continue;
			}
			classes.put(entity.getEntityName(), mappedClass);
			Map<String, List<String>> byProperty = new HashMap<>();
			for (Property property : entity.getPropertyClosure()) {
				if (property.getValue() instanceof org.hibernate.mapping.Collection) {
					// its columns are in the members' table or a join table
					continue;
				}
				List<String> names = new ArrayList<>();
				for (Column column : property.getColumns()) {
					names.add(normalized(column.getName()));
				}
				byProperty.put(property.getName(), List.copyOf(names));
			}
			columns.put(mappedClass, Map.copyOf(byProperty));
		}
		Map<String, List<String>> uniqueKeys = new HashMap<>();
		for (Table table : metadata.collectTableMappings()) {
			for (Column column : table.getColumns()) {
				// A unique column (@Column(unique = true)) holds the name of its key itself.
				if (column.isUnique() && column.getUniqueKeyName() != null) {
					uniqueKeys.put(normalized(column.getUniqueKeyName()), List.of(normalized(column.getName())));
				}
			}
			for (UniqueKey key : table.getUniqueKeys().values()) {
				if (key.getName() == null) {
					continue;
				}
				List<String> names = new ArrayList<>();
				for (Column column : key.getColumns()) {
					names.add(normalized(column.getName()));
				}
				uniqueKeys.put(normalized(key.getName()), List.copyOf(names));
			}
		}
		MAPPINGS.put(sessionFactory, new Mapping(Map.copyOf(classes), Map.copyOf(columns), Map.copyOf(uniqueKeys)));
	}

	@Override
	public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
		MAPPINGS.remove(sessionFactory);
	}

	/**
	 * The mapping of a session factory.
	 * @param sessionFactory the session factory
	 * @return its mapping, or {@code null} when Hibernate built it without this integrator
	 */
	static @Nullable Mapping of(SessionFactoryImplementor sessionFactory) {
		return MAPPINGS.get(sessionFactory);
	}

	/**
	 * A name as databases compare it in their messages: without quotes and in lower case.
	 * @param name a table, column or constraint name
	 * @return the name to compare
	 */
	static String normalized(String name) {
		return name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * The columns and unique keys of one session factory's entities.
	 *
	 * @param classes entity classes by Hibernate entity name
	 * @param columns by entity class, the columns of each persistent attribute (inherited ones
	 * included), by attribute name
	 * @param uniqueKeys the columns of each unique key, by key name
	 */
	record Mapping(Map<String, Class<?>> classes, Map<Class<?>, Map<String, List<String>>> columns,
			Map<String, List<String>> uniqueKeys) {
	}

}
