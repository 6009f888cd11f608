package dev.restless.internal.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.restless.internal.metamodel.AttributeDescriptor;
import dev.restless.internal.metamodel.RelationshipDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Which field of a resource a column or a unique key of the schema stores, so that a constraint
 * the database enforces can be reported at the field the client sent: computed once at start-up
 * from Hibernate's mapping and the exposed resources. A column (or key) maps to a field only when
 * every entity that has a column of that name stores an exposed field of that name in it: a hidden
 * field is never named, and neither is one a column name could be mistaken for.
 */
public final class ConstraintFields {

	/** Knows no column: errors carry no pointer. */
	public static final ConstraintFields NONE = new ConstraintFields(Map.of(), Map.of(), Map.of());

	/** The column a database names in a message: {@code column "NAME ..."}, {@code Column 'name'}. */
	private static final Pattern COLUMN = Pattern.compile("(?i)\\bcolumn\\s+[\"'`]([^\"'`\\s]+)");

	/** H2's unique index and its columns: {@code ON PUBLIC.PERSON(NAME NULLS FIRST)}. */
	private static final Pattern H2_INDEX_COLUMNS = Pattern.compile("\\sON\\s+[\\w.\"]+\\(([^)]*)\\)");

	/** PostgreSQL's detail of a duplicate: {@code Key (name)=(Ada) already exists}. */
	private static final Pattern POSTGRESQL_KEY_COLUMNS = Pattern.compile("Key \\(([^)]*)\\)=");

	/** H2 names the index of a constraint after it: {@code UK1ABC_INDEX_8}. */
	private static final Pattern H2_INDEX_SUFFIX = Pattern.compile("_index_[0-9a-z]+$");

	private final Map<String, String> byColumn;

	private final Map<String, String> byUniqueKey;

	private final Map<String, Map<String, String>> byProperty;

	private ConstraintFields(Map<String, String> byColumn, Map<String, String> byUniqueKey,
			Map<String, Map<String, String>> byProperty) {
		this.byColumn = byColumn;
		this.byUniqueKey = byUniqueKey;
		this.byProperty = byProperty;
	}

	/**
	 * The fields of the resources of an entity manager factory.
	 * @param entityManagerFactory the entity manager factory (Hibernate's; another provider gives
	 * {@link #NONE})
	 * @param registry the exposed resources
	 * @return the fields by column and by unique key
	 */
	public static ConstraintFields of(EntityManagerFactory entityManagerFactory, ResourceRegistry registry) {
		MappedColumns.Mapping mapping;
		try {
			mapping = MappedColumns.of(entityManagerFactory.unwrap(SessionFactoryImplementor.class));
		}
		catch (PersistenceException ex) {
			return NONE;
		}
		if (mapping == null) {
			return NONE;
		}
		Map<String, String> byColumn = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		Map<String, Map<String, String>> byProperty = new HashMap<>();
		Map<Class<?>, String> entityNames = new HashMap<>();
		mapping.classes().forEach((entityName, entityClass) -> entityNames.put(entityClass, entityName));
		mapping.columns().forEach((entityClass, properties) -> {
			// The rows of an entity are resources of its nearest exposed type.
			ResourceDescriptor resource = registry.find(entityClass).orElse(null);
			Map<String, String> pointers = new HashMap<>();
			properties.forEach((property, columns) -> {
				String pointer = (resource != null) ? pointer(resource, property) : null;
				if (pointer != null) {
					pointers.put(property, pointer);
				}
				for (String column : columns) {
					String known = byColumn.putIfAbsent(column, (pointer != null) ? pointer : "");
					if (pointer == null || (known != null && !known.equals(pointer))) {
						ambiguous.add(column);
					}
				}
			});
			String entityName = entityNames.get(entityClass);
			if (entityName != null) {
				byProperty.put(entityName, Map.copyOf(pointers));
			}
		});
		ambiguous.forEach(byColumn::remove);
		Map<String, String> byUniqueKey = new HashMap<>();
		mapping.uniqueKeys().forEach((key, columns) -> {
			if (columns.size() == 1 && byColumn.containsKey(columns.get(0))) {
				byUniqueKey.put(key, byColumn.get(columns.get(0)));
			}
		});
		return new ConstraintFields(Map.copyOf(byColumn), Map.copyOf(byUniqueKey), Map.copyOf(byProperty));
	}

	private static @Nullable String pointer(ResourceDescriptor resource, String property) {
		for (AttributeDescriptor attribute : resource.attributes().values()) {
			if (attribute.attributeName().equals(property)) {
				return "/data/attributes/" + attribute.name();
			}
		}
		for (RelationshipDescriptor relationship : resource.relationships().values()) {
			if (relationship.attributeName().equals(property)) {
				return "/data/relationships/" + relationship.name();
			}
		}
		return null;
	}

	/**
	 * The field a unique key constrains, by the name the database gives it, or by the columns its
	 * message names when the schema's names are not Hibernate's.
	 * @param constraint the constraint or index name, or {@code null}
	 * @param message the database's message
	 * @return the pointer to the field, or {@code null}
	 */
	@Nullable String unique(@Nullable String constraint, @Nullable String message) {
		if (constraint != null) {
			String key = MappedColumns.normalized(constraint);
			key = H2_INDEX_SUFFIX.matcher(key.substring(key.lastIndexOf('.') + 1)).replaceFirst("");
			String pointer = this.byUniqueKey.get(key);
			if (pointer != null) {
				return pointer;
			}
		}
		if (message == null) {
			return null;
		}
		for (Pattern pattern : List.of(H2_INDEX_COLUMNS, POSTGRESQL_KEY_COLUMNS)) {
			Matcher matcher = pattern.matcher(message);
			if (matcher.find()) {
				String[] columns = matcher.group(1).split(",");
				return (columns.length == 1) ? column(columns[0].trim().split("\\s+")[0]) : null;
			}
		}
		return null;
	}

	/**
	 * The field a column stores, named by the database in a message.
	 * @param column the column, or {@code null}
	 * @param message the database's message, naming the column when {@code column} is {@code null}
	 * @return the pointer to the field, or {@code null}
	 */
	@Nullable String column(@Nullable String column, @Nullable String message) {
		if (column != null) {
			String pointer = column(column);
			if (pointer != null) {
				return pointer;
			}
		}
		if (message == null) {
			return null;
		}
		Matcher matcher = COLUMN.matcher(message);
		return matcher.find() ? column(matcher.group(1)) : null;
	}

	private @Nullable String column(String column) {
		return this.byColumn.get(MappedColumns.normalized(column));
	}

	/**
	 * The field an entity's property stores.
	 * @param entityName the Hibernate entity name
	 * @param property the property
	 * @return the pointer to the field, or {@code null} when it is not an exposed field
	 */
	@Nullable String property(@Nullable String entityName, @Nullable String property) {
		if (entityName == null || property == null) {
			return null;
		}
		Map<String, String> pointers = this.byProperty.get(entityName);
		return (pointers != null) ? pointers.get(property) : null;
	}

}
