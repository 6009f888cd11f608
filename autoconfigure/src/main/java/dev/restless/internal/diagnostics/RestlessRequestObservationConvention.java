package dev.restless.internal.diagnostics;

import dev.restless.internal.metamodel.ResourceRegistry;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring MVC's {@code http.server.requests} observations, with the requests to the API told
 * apart: the {@code uri} names the resource's route ({@code /api/people/{id}} rather than
 * {@code /api/{collection}/{id}}), and two more tags, {@value #RESOURCE} and {@value #OPERATION},
 * carry the collection and the operation. Requests elsewhere keep Spring's tags and get
 * {@code none} for both. See {@link RequestRoute} for why the cardinality stays bounded.
 */
public final class RestlessRequestObservationConvention extends DefaultServerRequestObservationConvention {

	/** The tag of the resource type. */
	public static final String RESOURCE = "restless.resource";

	/** The tag of the operation. */
	public static final String OPERATION = "restless.operation";

	private final ResourceRegistry registry;

	private final String basePath;

	private final String apiPath;

	/**
	 * Create the convention.
	 * @param name the name of the observations ({@code management.observations.http.server.requests.name})
	 * @param registry the exposed resources
	 * @param basePath the base path of the API, as Spring MVC's routes start with it
	 * @param apiPath the path of the API from the server's root: context path, servlet path and base path
	 */
	public RestlessRequestObservationConvention(String name, ResourceRegistry registry, String basePath,
			String apiPath) {
		super(name);
		this.registry = registry;
		this.basePath = basePath;
		this.apiPath = apiPath;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		RequestRoute route = route(context);
		return super.getLowCardinalityKeyValues(context).and(
				KeyValue.of(RESOURCE, (route != null) ? route.resource() : RequestRoute.NONE),
				KeyValue.of(OPERATION, (route != null) ? route.operation() : RequestRoute.NONE));
	}

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		RequestRoute route = route(context);
		return (route != null) ? KeyValue.of("uri", route.uri()) : super.uri(context);
	}

	private @Nullable RequestRoute route(ServerRequestObservationContext context) {
		HttpServletRequest request = context.getCarrier();
		String uri = request.getRequestURI();
		String underBase = (uri != null && uri.startsWith(this.apiPath)) ? uri.substring(this.apiPath.length()) : null;
		if (underBase != null && !underBase.isEmpty() && !underBase.startsWith("/")) {
			underBase = null;
		}
		return RequestRoute.of(this.registry, this.basePath, context.getPathPattern(), request.getMethod(), underBase);
	}

}
