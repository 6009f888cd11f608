package dev.restless.internal.web;

import dev.restless.Restless;
import dev.restless.internal.document.ApiUrls;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@link Restless} helper of the exposed resources in a {@link ResourceRegistry}. URLs are
 * absolute when made inside a servlet request (from the request's scheme, host and servlet
 * mapping) and paths from the server root outside one.
 */
public final class RegistryRestless implements Restless {

	private final ResourceRegistry registry;

	private final String basePath;

	private final String dispatcherPath;

	RegistryRestless(ResourceRegistry registry, String basePath, String dispatcherPath) {
		this.registry = registry;
		this.basePath = basePath;
		this.dispatcherPath = dispatcherPath;
	}

	/**
	 * Create the helper.
	 * @param registry the exposed resources
	 * @param basePath the base path of the API
	 * @param dispatcherPath the path of the dispatcher servlet from the server root (the context
	 * path and the servlet's path), which URLs made outside a request start with
	 * @return the helper
	 */
	public static RegistryRestless of(ResourceRegistry registry, String basePath, String dispatcherPath) {
		return new RegistryRestless(registry, basePath, dispatcherPath);
	}

	@Override
	public String collectionName(Class<?> entityClass) {
		return resource(entityClass).type();
	}

	@Override
	public Class<?> entityFor(String collectionName) {
		return this.registry.find(collectionName)
			.orElseThrow(() -> new IllegalArgumentException("No resource named '" + collectionName + "'"))
			.entityClass();
	}

	@Override
	public String primaryKeyFor(Class<?> entityClass) {
		return resource(entityClass).id().primaryKeyName();
	}

	@Override
	public String urlFor(Object entity) {
		ResourceDescriptor resource = this.registry.of(entity);
		return urls().resource(resource.type(), resource.idOf(entity));
	}

	@Override
	public String urlFor(Class<?> entityClass, Object id, @Nullable String relation) {
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
