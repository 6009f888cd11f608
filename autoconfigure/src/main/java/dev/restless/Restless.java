package dev.restless;

import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Answers questions about the exposed resources, as Flask-Restless's helper functions did. Inject
 * it where application code needs collection names or URLs of resources.
 */
public class Restless {

	private final ResourceRegistry registry;

	private final String basePath;

	private final String dispatcherPath;

	/**
	 * Create the helper for an application served at the root of its server.
	 * @param registry the exposed resources
	 * @param basePath the base path of the API
	 */
	public Restless(ResourceRegistry registry, String basePath) {
		this(registry, basePath, "");
	}

	/**
	 * Create the helper.
	 * @param registry the exposed resources
	 * @param basePath the base path of the API
	 * @param dispatcherPath the path of the dispatcher servlet from the server root (the context
	 * path and the servlet's path), which URLs made outside a request start with
	 */
	public Restless(ResourceRegistry registry, String basePath, String dispatcherPath) {
		this.registry = registry;
		this.basePath = basePath;
		this.dispatcherPath = dispatcherPath;
	}

	/**
	 * The collection name of an entity class.
	 * @param entityClass the entity class
	 * @return the collection name
	 * @throws IllegalArgumentException when the class is not exposed
	 */
	public String collectionName(Class<?> entityClass) {
		return resource(entityClass).type();
	}

	/**
	 * The entity class exposed under a collection name.
	 * @param collectionName the collection name
	 * @return the entity class
	 * @throws IllegalArgumentException when no resource has that name
	 */
	public Class<?> entityFor(String collectionName) {
		return this.registry.find(collectionName)
			.orElseThrow(() -> new IllegalArgumentException("No resource named '" + collectionName + "'"))
			.entityClass();
	}

	/**
	 * The name of the attribute whose value is the resource id.
	 * @param entityClass the entity class
	 * @return the attribute name
	 */
	public String primaryKeyFor(Class<?> entityClass) {
		return resource(entityClass).id().attributeName();
	}

	/**
	 * The URL of an entity's resource, absolute inside a request and relative to the server
	 * outside one.
	 * @param entity the entity
	 * @return the URL
	 */
	public String urlFor(Object entity) {
		ResourceDescriptor resource = this.registry.of(entity);
		return urls().resource(resource.type(), resource.idOf(entity));
	}

	/**
	 * The URL of a resource, or of its related resource(s) when a relation is given.
	 * @param entityClass the entity class
	 * @param id the resource id
	 * @param relation a relationship name, or {@code null}
	 * @return the URL
	 */
	public String urlFor(Class<?> entityClass, Object id, String relation) {
		ResourceDescriptor resource = resource(entityClass);
		String text = resource.id().format(id);
		return (relation != null) ? urls().related(resource.type(), text, relation)
				: urls().resource(resource.type(), text);
	}

	private ResourceDescriptor resource(Class<?> entityClass) {
		return this.registry.find(entityClass)
			.orElseThrow(() -> new IllegalArgumentException(entityClass.getName() + " is not an exposed resource"));
	}

	private ApiUrls urls() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return new ApiUrls(ServletUriComponentsBuilder.fromServletMapping(attributes.getRequest())
				.path(this.basePath)
				.build()
				.toUriString());
		}
		return new ApiUrls(this.dispatcherPath + this.basePath);
	}

}
