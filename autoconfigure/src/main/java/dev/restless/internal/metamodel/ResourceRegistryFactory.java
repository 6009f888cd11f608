package dev.restless.internal.metamodel;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.restless.ExposedResource;
import dev.restless.FieldAccess;
import dev.restless.ResourceMethod;
import dev.restless.ResourceSettings;
import dev.restless.RestlessSettings;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.IdClass;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link ResourceRegistry} from the JPA metamodel: every managed entity carrying
 * {@link ExposedResource} becomes a resource. Misconfiguration fails start-up with a message that
 * names the resource and what is wrong.
 */
public final class ResourceRegistryFactory {

	/**
	 * JSON:API member names: globally allowed characters at both ends, and additionally hyphen,
	 * underscore and space inside.
	 */
	private static final Pattern MEMBER_NAME = Pattern
		.compile("[a-zA-Z0-9\\u0080-\\uFFFF](?:[a-zA-Z0-9\\u0080-\\uFFFF_\\- ]*[a-zA-Z0-9\\u0080-\\uFFFF])?");

	/** Collection names that would collide with the fixed endpoints under the base path. */
	private static final Set<String> RESERVED_COLLECTIONS = Set.of("eval", "operations");

	private static final Set<String> READ_ONLY_ANNOTATIONS = Set.of("org.springframework.data.annotation.CreatedDate",
			"org.springframework.data.annotation.LastModifiedDate", "org.springframework.data.annotation.CreatedBy",
			"org.springframework.data.annotation.LastModifiedBy", "org.springframework.data.annotation.ReadOnlyProperty",
			"org.hibernate.annotations.CreationTimestamp", "org.hibernate.annotations.UpdateTimestamp",
			"org.hibernate.annotations.Generated", "org.hibernate.annotations.Formula");

	private final RestlessSettings global;

	/**
	 * Create a factory.
	 * @param settings global defaults and per-resource overrides
	 */
	public ResourceRegistryFactory(RestlessSettings settings) {
		this.global = settings;
	}

	/**
	 * Describe every exposed entity of a metamodel.
	 * @param metamodel the JPA metamodel
	 * @return the registry
	 * @throws InvalidResourceConfigurationException on misconfiguration
	 */
	public ResourceRegistry create(Metamodel metamodel) {
		List<EntityType<?>> exposed = metamodel.getEntities()
			.stream()
			.filter((entity) -> annotationOf(entity.getJavaType()) != null)
			.sorted(Comparator.comparing(EntityType::getName))
			.toList();
		Map<Class<?>, String> types = new HashMap<>();
		Map<String, Class<?>> classesByType = new HashMap<>();
		for (EntityType<?> entity : exposed) {
			String type = collectionName(entity);
			Class<?> previous = classesByType.putIfAbsent(type, entity.getJavaType());
			if (previous != null) {
				throw new InvalidResourceConfigurationException("Entities " + previous.getName() + " and "
						+ entity.getJavaType().getName() + " are both exposed as collection '" + type
						+ "'; give one of them another @ExposedResource(collectionName)");
			}
			types.put(entity.getJavaType(), type);
		}
		for (String configured : this.global.getResources().keySet()) {
			if (!classesByType.containsKey(configured)) {
				throw new InvalidResourceConfigurationException("restless.resources." + configured
						+ " names no exposed resource; exposed collections are " + classesByType.keySet());
			}
		}
		List<ResourceDescriptor> resources = new ArrayList<>();
		for (EntityType<?> entity : exposed) {
			resources.add(describe(entity, types));
		}
		ResourceRegistry registry = new ResourceRegistry(resources);
		for (ResourceDescriptor resource : resources) {
			for (String path : resource.defaultIncludes()) {
				checkIncludePath(registry, resource, path);
			}
		}
		return registry;
	}

	/**
	 * The annotation an entity class carries itself (or as a meta-annotation), never one of a
	 * superclass: a subclass of an exposed entity is a resource of its own only when it says so,
	 * otherwise its rows are served as resources of its nearest exposed superclass.
	 */
	private static @Nullable ExposedResource annotationOf(Class<?> type) {
		return AnnotatedElementUtils.getMergedAnnotation(type, ExposedResource.class);
	}

	private String collectionName(EntityType<?> entity) {
		ExposedResource annotation = annotationOf(entity.getJavaType());
		String type = StringUtils.hasText(annotation.collectionName()) ? annotation.collectionName()
				: StringUtils.uncapitalize(entity.getName());
		if (!MEMBER_NAME.matcher(type).matches()) {
			throw new InvalidResourceConfigurationException("Collection name '" + type + "' of "
					+ entity.getJavaType().getName() + " is not a legal JSON:API member name");
		}
		if (RESERVED_COLLECTIONS.contains(type)) {
			throw new InvalidResourceConfigurationException("Collection name '" + type + "' of "
					+ entity.getJavaType().getName() + " is reserved for the " + type + " endpoint");
		}
		return type;
	}

	private ResourceDescriptor describe(EntityType<?> entity, Map<Class<?>, String> exposedTypes) {
		Class<?> entityClass = entity.getJavaType();
		ExposedResource annotation = annotationOf(entityClass);
		String type = exposedTypes.get(entityClass);
		ResourceSettings settings = this.global.getResources().getOrDefault(type, new ResourceSettings());
		String where = "Resource '" + type + "' (" + entityClass.getName() + ")";

		Set<String> only = new LinkedHashSet<>(isSet(settings.getOnly()) ? settings.getOnly()
				: Arrays.asList(annotation.only()));
		Set<String> exclude = new LinkedHashSet<>(isSet(settings.getExclude()) ? settings.getExclude()
				: Arrays.asList(annotation.exclude()));
		if (!only.isEmpty() && !exclude.isEmpty()) {
			throw new InvalidResourceConfigurationException(where + " sets both 'only' and 'exclude'; use one of them");
		}

		// An @IdClass entity has several @Id attributes and no single one.
		SingularAttribute<?, ?> idAttribute = entity.hasSingleIdAttribute()
				? entity.getId(entity.getIdType().getJavaType()) : null;
		Set<String> idClassNames = new HashSet<>();
		if (idAttribute == null) {
			entity.getIdClassAttributes().forEach((attribute) -> idClassNames.add(attribute.getName()));
		}
		Map<String, Integer> declarationOrder = declarationOrder(entityClass);
		List<Attribute<?, ?>> persistent = new ArrayList<>(entity.getAttributes());
		persistent.sort(Comparator.comparing((Attribute<?, ?> a) -> declarationOrder.getOrDefault(a.getName(),
				Integer.MAX_VALUE)).thenComparing(Attribute::getName));

		// One accessor per attribute, shared by the id, the version and the exposed fields.
		Accessors accessors = new Accessors(entityClass);
		Set<String> knownNames = new HashSet<>();
		Map<String, AttributeDescriptor> attributes = new LinkedHashMap<>();
		Map<String, RelationshipDescriptor> relationships = new LinkedHashMap<>();
		PropertyAccessor version = null;
		List<String> eager = new ArrayList<>();
		for (Attribute<?, ?> attribute : persistent) {
			String name = attribute.getName();
			List<AnnotatedElement> elements = annotatedElements(entityClass, name);
			if (isEagerToOne(attribute, elements)) {
				eager.add(name);
			}
			String memberName = jsonName(elements, name);
			knownNames.add(name);
			knownNames.add(memberName);
			if (attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion()) {
				version = accessors.of(attribute);
				continue;
			}
			if ((attribute instanceof SingularAttribute<?, ?> singular && singular.isId())
					|| (idAttribute != null && attribute.getName().equals(idAttribute.getName()))
					|| idClassNames.contains(attribute.getName())) {
				continue;
			}
			boolean hidden = isIgnored(elements) || exclude.contains(name) || exclude.contains(memberName)
					|| (!only.isEmpty() && !only.contains(name) && !only.contains(memberName));
			if (hidden) {
				continue;
			}
			if (attribute.isAssociation()) {
				Class<?> target = (attribute instanceof PluralAttribute<?, ?, ?> plural)
						? plural.getElementType().getJavaType() : attribute.getJavaType();
				if (!exposedTypes.containsKey(target)) {
					continue;
				}
				checkMemberName(where, memberName);
				checkRelationshipName(where, memberName);
				relationships.put(memberName, new RelationshipDescriptor(memberName, name, attribute.isCollection(),
						target, inverseOf(elements, target, name), accessors.of(attribute),
						StringUtils.hasText(mappedBy(elements))));
			}
			else {
				checkMemberName(where, memberName);
				Column column = find(elements, Column.class);
				JsonProperty json = find(elements, JsonProperty.class);
				boolean readOnly = hasAny(elements, READ_ONLY_ANNOTATIONS)
						|| (json != null && json.access() == JsonProperty.Access.READ_ONLY)
						|| (column != null && !column.insertable() && !column.updatable());
				boolean updatable = column == null || column.updatable();
				boolean writeOnly = json != null && json.access() == JsonProperty.Access.WRITE_ONLY;
				boolean comparable = attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.BASIC;
				attributes.put(memberName, new AttributeDescriptor(memberName, name, accessors.of(attribute), readOnly,
						updatable, writeOnly, comparable));
			}
		}
		for (String name : only) {
			checkKnown(where, "only", name, knownNames);
		}
		for (String name : exclude) {
			checkKnown(where, "exclude", name, knownNames);
		}

		IdDescriptor id = idDescriptor(entityClass, entity, idAttribute, annotation, accessors, where);
		boolean clientIds = orDefault(settings.getAllowClientGeneratedIds(), annotation.allowClientGeneratedIds());
		if (clientIds && id.generated()) {
			// JPA refuses to persist an entity whose generated id is already set.
			throw new InvalidResourceConfigurationException(where + " allows client-generated ids, but its id '"
					+ id.attributeName() + "' is generated (@GeneratedValue); remove one of them");
		}
		Set<ResourceMethod> methods = EnumSet.noneOf(ResourceMethod.class);
		methods.addAll((settings.getMethods() != null) ? settings.getMethods() : Arrays.asList(annotation.methods()));
		if (methods.contains(ResourceMethod.POST) && Modifier.isAbstract(entityClass.getModifiers())) {
			throw new InvalidResourceConfigurationException(where + " is abstract, so it cannot be created; "
					+ "remove POST from its methods and create its rows through its exposed subclasses");
		}
		int maxPageSize = firstSet(settings.getMaxPageSize(), annotation.maxPageSize(),
				this.global.getMaxPageSize());
		int pageSize = Math.min(firstSet(settings.getPageSize(), annotation.pageSize(),
				this.global.getDefaultPageSize()), maxPageSize);
		if (pageSize < 1) {
			throw new InvalidResourceConfigurationException(where + " has a page size below 1");
		}
		List<String> includes = List
			.copyOf((settings.getIncludes() != null) ? settings.getIncludes() : Arrays.asList(annotation.includes()));
		boolean requireIfMatch = requireIfMatch(settings, annotation, version, where);
		return new ResourceDescriptor(type, entityClass, entity.getName(), id, version,
				Collections.unmodifiableMap(attributes), Collections.unmodifiableMap(relationships),
				Collections.unmodifiableSet(methods),
				pageSize, maxPageSize, includes,
				clientIds,
				orDefault(settings.getAllowToManyReplacement(), annotation.allowToManyReplacement()),
				orDefault(settings.getAllowDeleteFromToManyRelationships(),
						annotation.allowDeleteFromToManyRelationships()),
				orDefault(settings.getAllowFunctions(), annotation.allowFunctions()),
				orDefault(settings.getToManyLinkage(), annotation.toManyLinkage()), List.copyOf(eager),
				requireIfMatch, (settings.getTotal() != null) ? settings.getTotal() : annotation.total(),
				estimatedTotalThreshold(settings, annotation, where), estimatedTotalTimeToLive(settings, where),
				accessRules(entityClass, settings, annotation, attributes, relationships, where));
	}

	/**
	 * The access rules of a resource: per operation from the properties, which win (an empty one
	 * removes the annotation's rule), else from the annotation; per field from
	 * {@link FieldAccess} on the field or its getter.
	 */
	private static AccessRules accessRules(Class<?> entityClass, ResourceSettings settings, ExposedResource annotation,
			Map<String, AttributeDescriptor> attributes, Map<String, RelationshipDescriptor> relationships,
			String where) {
		Map<String, AccessRules.FieldRules> fields = new LinkedHashMap<>();
		Map<String, String> javaNames = new LinkedHashMap<>();
		attributes.values().forEach((attribute) -> javaNames.put(attribute.name(), attribute.attributeName()));
		relationships.values().forEach((relationship) -> javaNames.put(relationship.name(), relationship.attributeName()));
		javaNames.forEach((name, javaName) -> {
			FieldAccess access = fieldAccess(entityClass, javaName);
			if (access != null && (rule(access.read()) != null || rule(access.write()) != null)) {
				fields.put(name, new AccessRules.FieldRules(rule(access.read()), rule(access.write())));
			}
		});
		return new AccessRules(rule(settings.getReadAccess(), annotation.readAccess(), where, "read-access"),
				rule(settings.getCreateAccess(), annotation.createAccess(), where, "create-access"),
				rule(settings.getUpdateAccess(), annotation.updateAccess(), where, "update-access"),
				rule(settings.getDeleteAccess(), annotation.deleteAccess(), where, "delete-access"),
				rule(settings.getRelationshipAccess(), annotation.relationshipAccess(), where, "relationship-access"),
				Collections.unmodifiableMap(fields));
	}

	private static @Nullable FieldAccess fieldAccess(Class<?> entityClass, String javaName) {
		Field field = ReflectionUtils.findField(entityClass, javaName);
		FieldAccess onField = (field != null) ? field.getAnnotation(FieldAccess.class) : null;
		if (onField != null) {
			return onField;
		}
		String suffix = Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
		for (String getter : List.of("get" + suffix, "is" + suffix)) {
			Method method = ReflectionUtils.findMethod(entityClass, getter);
			if (method != null && method.getAnnotation(FieldAccess.class) != null) {
				return method.getAnnotation(FieldAccess.class);
			}
		}
		return null;
	}

	private static @Nullable String rule(@Nullable String property, String annotation, String where, String name) {
		if (property != null && !StringUtils.hasText(property)) {
			// an unset placeholder must not open a resource silently
			throw new InvalidResourceConfigurationException(where + " sets " + name + " to nothing; to lift the "
					+ "annotation's rule, set it to permitAll()");
		}
		return rule((property != null) ? property : annotation);
	}

	private static @Nullable String rule(String expression) {
		return StringUtils.hasText(expression) ? expression.strip() : null;
	}

	private boolean requireIfMatch(ResourceSettings settings, ExposedResource annotation,
			@Nullable PropertyAccessor version, String where) {
		boolean explicit = (settings.getRequireIfMatch() != null) ? settings.getRequireIfMatch()
				: annotation.requireIfMatch();
		if (explicit && version == null) {
			throw new InvalidResourceConfigurationException(where + " requires If-Match, but its entity has no "
					+ "@Version attribute to derive an ETag from; add one or drop require-if-match");
		}
		if (settings.getRequireIfMatch() != null) {
			return settings.getRequireIfMatch();
		}
		// The global switch covers the resources that can have an ETag at all.
		return explicit || (this.global.isRequireIfMatch() && version != null);
	}

	private IdDescriptor idDescriptor(Class<?> entityClass, EntityType<?> entity,
			@Nullable SingularAttribute<?, ?> idAttribute, ExposedResource annotation, Accessors accessors,
			String where) {
		String primaryKey = annotation.primaryKey();
		if (!StringUtils.hasText(primaryKey) && idAttribute == null) {
			return idClassDescriptor(entityClass, entity, accessors, where);
		}
		if (idAttribute != null && (!StringUtils.hasText(primaryKey) || primaryKey.equals(idAttribute.getName()))) {
			if (idAttribute.getType() instanceof EmbeddableType<?> embeddable) {
				return embeddedIdDescriptor(idAttribute, embeddable, accessors, where);
			}
			boolean generated = find(annotatedElements(entityClass, idAttribute.getName()), GeneratedValue.class) != null;
			return new IdDescriptor(idAttribute.getName(), accessors.of(idAttribute), true, generated);
		}
		Attribute<?, ?> key;
		try {
			key = entity.getAttribute(primaryKey);
		}
		catch (IllegalArgumentException ex) {
			key = null;
		}
		if (!(key instanceof SingularAttribute<?, ?> singular) || singular.isAssociation()) {
			throw new InvalidResourceConfigurationException(
					where + " names primaryKey '" + primaryKey + "', which is not a basic attribute of the entity");
		}
		return new IdDescriptor(primaryKey, accessors.of(key), false, false);
	}

	/**
	 * The key of an {@code @EmbeddedId} entity: its components are the attributes of the
	 * embeddable, in the order its class declares them.
	 */
	private static IdDescriptor embeddedIdDescriptor(SingularAttribute<?, ?> idAttribute,
			EmbeddableType<?> embeddable, Accessors accessors, String where) {
		Class<?> keyClass = embeddable.getJavaType();
		List<IdComponent> components = new ArrayList<>();
		for (Attribute<?, ?> attribute : sortedByDeclaration(keyClass, embeddable.getAttributes())) {
			checkKeyComponent(where, attribute, keyClass);
			components.add(new IdComponent(attribute.getName(), idAttribute.getName() + "." + attribute.getName(),
					PropertyAccessor.of(keyClass, attribute.getName(), attribute.getJavaMember()), null));
		}
		return new IdDescriptor(idAttribute.getName(), accessors.of(idAttribute), true, false, List.copyOf(components),
				keyClass);
	}

	/**
	 * The key of an {@code @IdClass} entity: its components are the entity's {@code @Id}
	 * attributes, in the order the id class declares them.
	 */
	private static IdDescriptor idClassDescriptor(Class<?> entityClass, EntityType<?> entity, Accessors accessors,
			String where) {
		IdClass idClass = AnnotatedElementUtils.findMergedAnnotation(entityClass, IdClass.class);
		Class<?> keyClass = (idClass != null) ? idClass.value() : entity.getIdType().getJavaType();
		List<IdComponent> components = new ArrayList<>();
		for (Attribute<?, ?> attribute : sortedByDeclaration(keyClass, entity.getIdClassAttributes())) {
			checkKeyComponent(where, attribute, keyClass);
			String name = attribute.getName();
			components.add(new IdComponent(name, name, PropertyAccessor.of(keyClass, name, null),
					accessors.of(attribute)));
		}
		if (components.size() < 2) {
			throw new InvalidResourceConfigurationException(where + " has an @IdClass with fewer than two attributes");
		}
		return new IdDescriptor(null, null, true, false, List.copyOf(components), keyClass);
	}

	private static List<Attribute<?, ?>> sortedByDeclaration(Class<?> keyClass,
			Set<? extends Attribute<?, ?>> attributes) {
		Map<String, Integer> order = declarationOrder(keyClass);
		List<Attribute<?, ?>> sorted = new ArrayList<>(attributes);
		sorted.sort(Comparator.comparing((Attribute<?, ?> a) -> order.getOrDefault(a.getName(), Integer.MAX_VALUE))
			.thenComparing(Attribute::getName));
		return sorted;
	}

	/**
	 * A component of a composite key must be a basic value written as text in the id: nested
	 * embeddables and associations (derived identities) have no such text.
	 */
	private static void checkKeyComponent(String where, Attribute<?, ?> attribute, Class<?> keyClass) {
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(attribute.getJavaType());
		boolean textual = type == String.class || type == Character.class || type == Boolean.class
				|| Number.class.isAssignableFrom(type) || type == UUID.class || type.isEnum()
				|| type.getName().startsWith("java.time.");
		if (attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC || !textual) {
			throw new InvalidResourceConfigurationException(where + " has a composite id whose attribute '"
					+ attribute.getName() + "' (in " + keyClass.getName() + ") is not a text, number, boolean, UUID, "
					+ "enum or date value; only such values can be written in the id");
		}
		if (ReflectionUtils.findField(keyClass, attribute.getName()) == null) {
			throw new InvalidResourceConfigurationException(where + " has a composite id whose class "
					+ keyClass.getName() + " declares no field '" + attribute.getName() + "'");
		}
	}

	private static void checkIncludePath(ResourceRegistry registry, ResourceDescriptor resource, String path) {
		ResourceDescriptor current = resource;
		for (String segment : path.split("\\.")) {
			RelationshipDescriptor relationship = current.relationship(segment).orElse(null);
			if (relationship == null) {
				throw new InvalidResourceConfigurationException("Resource '" + resource.type() + "' includes '" + path
						+ "', but '" + segment + "' is not a relationship of '" + current.type() + "'");
			}
			current = registry.find(relationship.targetClass()).orElseThrow();
		}
	}

	private static void checkMemberName(String where, String name) {
		if (!MEMBER_NAME.matcher(name).matches()) {
			throw new InvalidResourceConfigurationException(where + " has a field named '" + name
					+ "', which is not a legal JSON:API member name; rename it with @JsonProperty or exclude it");
		}
		if (name.equals("id") || name.equals("type")) {
			throw new InvalidResourceConfigurationException(where + " has a field named '" + name
					+ "', which JSON:API reserves; rename it with @JsonProperty or exclude it");
		}
	}

	/**
	 * A relationship named {@code relationships} would have its related resources at
	 * {@code /{collection}/{id}/relationships/{relatedId}}, where the relationship endpoints are.
	 */
	private static void checkRelationshipName(String where, String name) {
		if (name.equals("relationships")) {
			throw new InvalidResourceConfigurationException(where + " has a relationship named 'relationships', "
					+ "whose URLs would clash with those of the relationship endpoints; rename it with @JsonProperty "
					+ "or exclude it");
		}
	}

	private static void checkKnown(String where, String setting, String name, Set<String> knownNames) {
		if (!knownNames.contains(name)) {
			throw new InvalidResourceConfigurationException(
					where + " names '" + name + "' in '" + setting + "', but the entity has no such attribute");
		}
	}

	/**
	 * Whether {@code only} or {@code exclude} is set: an empty list leaves them to the annotation,
	 * as an empty list is what an unset property binds to.
	 */
	private static boolean isSet(@Nullable List<String> names) {
		return names != null && !names.isEmpty();
	}

	private static int firstSet(@Nullable Integer property, int annotationValue, int global) {
		if (property != null) {
			return property;
		}
		return (annotationValue > 0) ? annotationValue : global;
	}

	private Duration estimatedTotalTimeToLive(ResourceSettings settings, String where) {
		Duration own = settings.getEstimatedTotalTimeToLive();
		Duration timeToLive = (own != null) ? own : this.global.getEstimatedTotalTimeToLive();
		if (timeToLive.isNegative()) {
			throw new InvalidResourceConfigurationException(where + " has an estimated-total time to live below 0"
					+ ((own != null) ? "" : " (the global restless.estimated-total-time-to-live)"));
		}
		return timeToLive;
	}

	private long estimatedTotalThreshold(ResourceSettings settings, ExposedResource annotation, String where) {
		long threshold = (settings.getEstimatedTotalThreshold() != null) ? settings.getEstimatedTotalThreshold()
				: (annotation.estimatedTotalThreshold() >= 0) ? annotation.estimatedTotalThreshold()
						: this.global.getEstimatedTotalThreshold();
		if (threshold < 0) {
			throw new InvalidResourceConfigurationException(where + " has an estimated-total threshold below 0");
		}
		return threshold;
	}

	private static boolean orDefault(@Nullable Boolean property, boolean annotationValue) {
		return (property != null) ? property : annotationValue;
	}

	private static Map<String, Integer> declarationOrder(Class<?> entityClass) {
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> type = entityClass; type != null && type != Object.class; type = type.getSuperclass()) {
			hierarchy.add(0, type);
		}
		Map<String, Integer> order = new HashMap<>();
		for (Class<?> type : hierarchy) {
			for (Field field : type.getDeclaredFields()) {
				order.putIfAbsent(field.getName(), order.size());
			}
		}
		return order;
	}

	private static List<AnnotatedElement> annotatedElements(Class<?> entityClass, String name) {
		List<AnnotatedElement> elements = new ArrayList<>(2);
		Field field = ReflectionUtils.findField(entityClass, name);
		if (field != null) {
			elements.add(field);
		}
		String capitalized = StringUtils.capitalize(name);
		for (String prefix : new String[] { "get", "is" }) {
			Method getter = ReflectionUtils.findMethod(entityClass, prefix + capitalized);
			if (getter != null) {
				elements.add(getter);
			}
		}
		return elements;
	}

	private static <A extends Annotation> @Nullable A find(List<AnnotatedElement> elements, Class<A> type) {
		for (AnnotatedElement element : elements) {
			A annotation = AnnotatedElementUtils.findMergedAnnotation(element, type);
			if (annotation != null) {
				return annotation;
			}
		}
		return null;
	}

	private static boolean hasAny(List<AnnotatedElement> elements, Set<String> annotationNames) {
		for (AnnotatedElement element : elements) {
			for (Annotation annotation : element.getAnnotations()) {
				if (annotationNames.contains(annotation.annotationType().getName())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isIgnored(List<AnnotatedElement> elements) {
		JsonIgnore ignore = find(elements, JsonIgnore.class);
		return ignore != null && ignore.value();
	}

	private static String jsonName(List<AnnotatedElement> elements, String name) {
		JsonProperty property = find(elements, JsonProperty.class);
		return (property != null && StringUtils.hasText(property.value())) ? property.value() : name;
	}

	private static boolean isEagerToOne(Attribute<?, ?> attribute, List<AnnotatedElement> elements) {
		if (!attribute.isAssociation() || attribute.isCollection()) {
			// no annotations to look up for the many attributes that cannot be one
			return false;
		}
		ManyToOne manyToOne = find(elements, ManyToOne.class);
		if (manyToOne != null) {
			return manyToOne.fetch() == FetchType.EAGER;
		}
		OneToOne oneToOne = find(elements, OneToOne.class);
		return oneToOne != null && oneToOne.fetch() == FetchType.EAGER;
	}

	private static @Nullable String inverseOf(List<AnnotatedElement> elements, Class<?> target, String name) {
		String mappedBy = mappedBy(elements);
		if (StringUtils.hasText(mappedBy)) {
			return mappedBy;
		}
		for (Class<?> type = target; type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (name.equals(declaredMappedBy(field))) {
					return field.getName();
				}
			}
		}
		return null;
	}

	/**
	 * The {@code mappedBy} of a field, read from its own annotations: JPA's relationship
	 * annotations cannot be meta-annotations, and the merged look-up of {@link #mappedBy} costs
	 * more, which adds up here, where every field of the target is asked.
	 */
	private static @Nullable String declaredMappedBy(Field field) {
		OneToMany oneToMany = field.getDeclaredAnnotation(OneToMany.class);
		if (oneToMany != null) {
			return oneToMany.mappedBy();
		}
		ManyToMany manyToMany = field.getDeclaredAnnotation(ManyToMany.class);
		if (manyToMany != null) {
			return manyToMany.mappedBy();
		}
		OneToOne oneToOne = field.getDeclaredAnnotation(OneToOne.class);
		return (oneToOne != null) ? oneToOne.mappedBy() : null;
	}

	private static @Nullable String mappedBy(List<AnnotatedElement> elements) {
		OneToMany oneToMany = find(elements, OneToMany.class);
		if (oneToMany != null) {
			return oneToMany.mappedBy();
		}
		ManyToMany manyToMany = find(elements, ManyToMany.class);
		if (manyToMany != null) {
			return manyToMany.mappedBy();
		}
		OneToOne oneToOne = find(elements, OneToOne.class);
		return (oneToOne != null) ? oneToOne.mappedBy() : null;
	}

	/**
	 * The accessors of one entity's attributes, each made once however many descriptors use it:
	 * the {@code @Id} is also an attribute of the entity, and a {@code primaryKey} attribute is
	 * both the id and an exposed attribute.
	 */
	private static final class Accessors {

		private final Class<?> entityClass;

		private final Map<String, PropertyAccessor> byName = new HashMap<>();

		Accessors(Class<?> entityClass) {
			this.entityClass = entityClass;
		}

		PropertyAccessor of(Attribute<?, ?> attribute) {
			return this.byName.computeIfAbsent(attribute.getName(),
					(name) -> PropertyAccessor.of(this.entityClass, name, attribute.getJavaMember()));
		}

	}

}
