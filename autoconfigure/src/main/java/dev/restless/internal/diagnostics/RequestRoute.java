package dev.restless.internal.diagnostics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.restless.Operation;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What a request to the API addressed, told by the route Spring MVC matched, its method and its
 * path: the route with the collection and relationship names filled in where they are exposed,
 * the resource type and the operation. Every value comes from a bounded set (the exposed
 * collections and relationships, the operations, and a few fixed words), so metrics tagged with
 * them stay of bounded cardinality whatever clients send: an unknown collection is
 * {@value #UNKNOWN}, a request outside the API is {@value #NONE}.
 *
 * @param uri the route, such as {@code /api/people/{id}}
 * @param resource the collection name, {@value #UNKNOWN} or {@value #NONE}
 * @param operation the {@link Operation} name, or {@code INDEX}, {@code ATOMIC}, {@code OPTIONS},
 * {@value #UNKNOWN} or {@value #NONE}
 */
public record RequestRoute(String uri, String resource, String operation) {

	/** The resource or operation of a request to no collection Restless serves. */
	public static final String UNKNOWN = "unknown";

	/** The resource or operation of a request that is not to a resource (or not to the API). */
	public static final String NONE = "none";

	/**
	 * Classify a request.
	 * @param registry the exposed resources
	 * @param basePath the base path of the API, as its routes start with it
	 * @param pattern the route Spring MVC matched, or {@code null}
	 * @param method the HTTP method
	 * @param apiPath the path of the request under the base path (such as {@code /people/7}), or
	 * {@code null} when it is not under it
	 * @return the route, or {@code null} when the request is not to the API
	 */
	public static @Nullable RequestRoute of(ResourceRegistry registry, String basePath, @Nullable String pattern,
			String method, @Nullable String apiPath) {
		if (pattern == null || apiPath == null || !pattern.startsWith(basePath)) {
			return null;
		}
		String route = pattern.substring(basePath.length());
		List<String> segments = segments(apiPath);
		return switch (route) {
			case "", "/" -> new RequestRoute(pattern, NONE, isOptions(method) ? "OPTIONS" : "INDEX");
			case "/operations" -> new RequestRoute(pattern, NONE, isOptions(method) ? "OPTIONS" : "ATOMIC");
			case "/eval/{collection}" -> resourceRoute(registry, basePath, route, segments, 1,
					isOptions(method) ? "OPTIONS" : Operation.EVAL.name());
			case "/{collection}" -> resourceRoute(registry, basePath, route, segments, 0,
					operation(method, "GET_COLLECTION", "POST_RESOURCE", null, null));
			case "/{collection}/{id}" -> resourceRoute(registry, basePath, route, segments, 0,
					operation(method, "GET_RESOURCE", null, "PATCH_RESOURCE", "DELETE_RESOURCE"));
			case "/{collection}/{id}/{relation}" -> resourceRoute(registry, basePath, route, segments, 0,
					operation(method, "GET_RELATED", null, null, null));
			case "/{collection}/{id}/{relation}/{relatedId}" -> resourceRoute(registry, basePath, route, segments, 0,
					operation(method, "GET_RELATED_RESOURCE", null, null, null));
			case "/{collection}/{id}/relationships/{relation}" -> resourceRoute(registry, basePath, route, segments,
					0, operation(method, "GET_RELATIONSHIP", "POST_RELATIONSHIP", "PATCH_RELATIONSHIP",
							"DELETE_RELATIONSHIP"));
			default -> new RequestRoute(pattern, UNKNOWN, UNKNOWN);
		};
	}

	private static RequestRoute resourceRoute(ResourceRegistry registry, String basePath, String route,
			List<String> segments, int collectionIndex, String operation) {
		ResourceDescriptor resource = (segments.size() > collectionIndex)
				? registry.find(segments.get(collectionIndex)).orElse(null) : null;
		if (resource == null) {
			return new RequestRoute(basePath + route, UNKNOWN, operation);
		}
		String uri = route.replace("{collection}", resource.type());
		if (route.contains("{relation}")) {
			int relationIndex = route.endsWith("/relationships/{relation}") ? 3 : 2;
			String relation = (segments.size() > relationIndex) ? segments.get(relationIndex) : "";
			if (resource.relationship(relation).isPresent()) {
				uri = uri.replace("{relation}", relation);
			}
		}
		return new RequestRoute(basePath + uri, resource.type(), operation);
	}

	private static String operation(String method, String get, @Nullable String post, @Nullable String patch,
			@Nullable String delete) {
		String operation = switch (method) {
			case "GET", "HEAD" -> get;
			case "POST" -> post;
			case "PATCH" -> patch;
			case "DELETE" -> delete;
			case "OPTIONS" -> "OPTIONS";
			default -> null;
		};
		return (operation != null) ? operation : UNKNOWN;
	}

	private static boolean isOptions(String method) {
		return method.equals("OPTIONS");
	}

	private static List<String> segments(String apiPath) {
		String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
		return Arrays.stream(path.split("/", -1)).map(RequestRoute::decode).toList();
	}

	private static String decode(String segment) {
		try {
			return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a broken escape names no collection: left as it is, it matches none
			return segment;
		}
	}

}
