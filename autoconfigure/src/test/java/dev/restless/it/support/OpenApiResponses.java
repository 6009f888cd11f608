package dev.restless.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks every response against the OpenAPI document the application serves at
 * {@code /v3/api-docs}: the request names an operation of the document, the status is one the
 * operation declares, and the body validates against the JSON Schema the document gives for that
 * operation, status and media type (a declared response without content must have no body). A
 * request under the API path that names no operation (an unknown collection, a method the
 * resource does not serve) must be answered with a 4xx error document. {@code HEAD} and
 * {@code OPTIONS} are left to HTTP and not described. The document is read once per server and
 * each schema compiled once.
 */
public final class OpenApiResponses {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Map<String, OpenApiResponses> BY_ROOT = new ConcurrentHashMap<>();

	/** Where the document is registered as a schema resource, so its schemas are compiled once and shared. */
	private static final String DOCUMENT_IRI = "https://openapi.test/api-docs";

	private static final String API_PATH = "/api";

	private final JsonNode document;

	private final SchemaRegistry schemas;

	private final List<PathTemplate> paths = new ArrayList<>();

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private OpenApiResponses(String text) {
		this.document = mapper.readTree(text);
		this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemas(Map.of(DOCUMENT_IRI, text)));
		for (String path : this.document.get("paths").propertyNames()) {
			this.paths.add(new PathTemplate(path, Pattern.compile(
					Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")), path.split("\\{", -1).length - 1));
		}
		// literal segments win over templates: /{id}/relationships/x before /{id}/x/{relatedId}
		this.paths.sort(Comparator.comparingInt(PathTemplate::parameters));
	}

	/**
	 * Check a response against the document of the server that answered it.
	 * @param response the response, with its request
	 */
	public static void validate(ApiResponse response) {
		URI uri = response.uri();
		assertThat(uri).as("the request of %s", response).isNotNull();
		String root = uri.getScheme() + "://" + uri.getAuthority();
		BY_ROOT.computeIfAbsent(root, OpenApiResponses::load).check(response);
	}

	/**
	 * The document a server serves.
	 * @param root the server root, such as {@code http://localhost:8080}
	 * @return the document
	 */
	public static JsonNode document(String root) {
		return BY_ROOT.computeIfAbsent(root, OpenApiResponses::load).document;
	}

	private static OpenApiResponses load(String root) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root + "/v3/api-docs"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
			return new OpenApiResponses(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void check(ApiResponse response) {
		String method = response.method().toLowerCase(Locale.ROOT);
		String raw = response.uri().getRawPath();
		if (!raw.equals(API_PATH) && !raw.startsWith(API_PATH + "/")) {
			return;
		}
		// the index answers at the base path with and without its trailing slash, as Spring MVC maps it
		String path = raw.equals(API_PATH + "/") ? API_PATH : raw;
		if (method.equals("head") || method.equals("options")) {
			assertThat(response.status()).as("%s %s: %s", method, path, response).isLessThan(500);
			return;
		}
		JsonNode operation = operation(path, method);
		if (operation == null) {
			assertThat(response.status()).as("%s %s is no operation of the OpenAPI document, so its answer must be "
					+ "a client error: %s", method, path, response).isBetween(400, 499);
			assertValid(response, errorDocumentSchema(), method + " " + path + " (undocumented)");
			return;
		}
		JsonNode declared = operation.path("responses").get(String.valueOf(response.status()));
		if (declared == null) {
			fail("%s %s answered %s, a status the OpenAPI document does not declare for operation %s: %s", method, path,
					response.status(), operation.path("operationId").asString(), response);
		}
		String pointer = "/paths/" + escape(template(path)) + "/" + method + "/responses/" + response.status();
		if (declared.get("$ref") != null) {
			pointer = declared.get("$ref").asString().substring(1);
			declared = this.document.at(pointer);
		}
		JsonNode content = declared.get("content");
		if (content == null || content.isEmpty()) {
			assertThat(response.text()).as("%s %s %s declares no content", method, path, response.status()).isEmpty();
			return;
		}
		String mediaType = mediaType(content, response.header("Content-Type"));
		assertThat(mediaType).as("the media type of %s %s %s (%s) among %s", method, path, response.status(),
				response.header("Content-Type"), content.propertyNames()).isNotNull();
		String key = operation.path("operationId").asString() + " " + response.status() + " " + mediaType;
		String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
		Schema schema = this.compiled.computeIfAbsent(schemaPointer, this::compile);
		assertValid(response, schema, key);
	}

	private static void assertValid(ApiResponse response, Schema schema, String what) {
		if (response.body() == null) {
			assertThat(response.text()).as("body of %s", what).isEmpty();
			return;
		}
		List<Error> errors = schema.validate(response.body());
		assertThat(errors).as("OpenAPI schema errors of %s in %s", what, response).isEmpty();
	}

	private Schema errorDocumentSchema() {
		return this.compiled.computeIfAbsent("/components/schemas/jsonapi.error-document", this::compile);
	}

	/** The schema at a JSON pointer into the document. */
	private Schema compile(String pointer) {
		return this.schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer));
	}

	private static String escape(String name) {
		return name.replace("~", "~0").replace("/", "~1");
	}

	private JsonNode operation(String path, String method) {
		String template = template(path);
		return (template != null) ? this.document.get("paths").get(template).get(method) : null;
	}

	/** The path of the document a request path is an instance of, or {@code null}. */
	private String template(String path) {
		for (PathTemplate template : this.paths) {
			if (template.pattern().matcher(path).matches()) {
				return template.path();
			}
		}
		return null;
	}

	/** The declared media type a {@code Content-Type} is: the same parameters, or else the same type. */
	private static String mediaType(JsonNode content, String contentType) {
		if (contentType == null) {
			return null;
		}
		String normalized = contentType.replace(" ", "").toLowerCase(Locale.ROOT);
		String sameType = null;
		for (String declared : content.propertyNames()) {
			String candidate = declared.replace(" ", "").toLowerCase(Locale.ROOT);
			if (candidate.equals(normalized)) {
				return declared;
			}
			if (sameType == null && candidate.split(";")[0].equals(normalized.split(";")[0])) {
				sameType = declared;
			}
		}
		return sameType;
	}

	private record PathTemplate(String path, Pattern pattern, int parameters) {
	}

}
