package dev.restless.internal.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.restless.ResourceMethod;
import dev.restless.internal.metamodel.AccessRules;
import dev.restless.internal.metamodel.IdDescriptor;
import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RestlessRequestObservationConventionTests {

	private static final ResourceRegistry REGISTRY = new ResourceRegistry(List.of(people()));

	private final RestlessRequestObservationConvention convention = new RestlessRequestObservationConvention(
			"http.server.requests", REGISTRY, "/api", "/shop/api");

	private static ResourceDescriptor people() {
		IdDescriptor id = new IdDescriptor("id", null, true, true, List.of(), Long.class);
		return new ResourceDescriptor("people", Object.class, "Person", id, null, Map.of(), Map.of(),
				java.util.Set.of(ResourceMethod.GET), 10, 100, List.of(), false, false, false, false, true, List.of(),
				false, dev.restless.Total.EXACT, 10_000,
				java.time.Duration.ZERO, AccessRules.NONE);
	}

	private Map<String, String> tags(String method, String path, String pattern) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/shop" + path);
		request.setContextPath("/shop");
		ServerRequestObservationContext context = new ServerRequestObservationContext(request,
				new MockHttpServletResponse());
		context.setPathPattern(pattern);
		Map<String, String> tags = new TreeMap<>();
		for (KeyValue value : this.convention.getLowCardinalityKeyValues(context)) {
			tags.put(value.getKey(), value.getValue());
		}
		return tags;
	}

	@Test
	void aRequestToAResourceNamesItsRouteTypeAndOperation() {
		assertThat(tags("GET", "/api/people/7", "/api/{collection}/{id}")).containsEntry("uri", "/api/people/{id}")
			.containsEntry("restless.resource", "people")
			.containsEntry("restless.operation", "GET_RESOURCE");
		assertThat(tags("POST", "/api/people", "/api/{collection}")).containsEntry("uri", "/api/people")
			.containsEntry("restless.operation", "POST_RESOURCE");
		assertThat(tags("DELETE", "/api/people/7/relationships/computers",
				"/api/{collection}/{id}/relationships/{relation}"))
			.containsEntry("uri", "/api/people/{id}/relationships/{relation}")
			.containsEntry("restless.operation", "DELETE_RELATIONSHIP");
	}

	@Test
	void unknownCollectionsShareOneValueWhateverTheirName() {
		Map<String, String> first = tags("GET", "/api/bogus-1", "/api/{collection}");
		Map<String, String> second = tags("GET", "/api/other%20name/3", "/api/{collection}/{id}");

		assertThat(first).containsEntry("uri", "/api/{collection}").containsEntry("restless.resource", "unknown");
		assertThat(second).containsEntry("uri", "/api/{collection}/{id}").containsEntry("restless.resource", "unknown");
	}

	@Test
	void unsupportedMethodsAndUnknownPathsShareOneOperation() {
		assertThat(tags("PUT", "/api/people/1", "/api/{collection}/{id}")).containsEntry("restless.operation",
				"unknown");
		assertThat(tags("GET", "/api/a/b/c/d/e/f", "/api/**")).containsEntry("restless.operation", "unknown")
			.containsEntry("restless.resource", "unknown")
			.containsEntry("uri", "/api/**");
	}

	@Test
	void theIndexTheAtomicEndpointAndRequestsOutsideTheApiAreToNoResource() {
		assertThat(tags("GET", "/api", "/api")).containsEntry("restless.operation", "INDEX")
			.containsEntry("restless.resource", "none");
		assertThat(tags("POST", "/api/operations", "/api/operations")).containsEntry("restless.operation", "ATOMIC");
		assertThat(tags("GET", "/actuator/health", "/actuator/health")).containsEntry("uri", "/actuator/health")
			.containsEntry("restless.resource", "none")
			.containsEntry("restless.operation", "none");
	}

}
