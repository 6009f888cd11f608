package dev.restless.internal.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.internal.document.AtomicDocuments;
import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

/**
 * The content negotiation rules of JSON:API 1.1: which {@code Content-Type} and {@code Accept}
 * headers a request may carry, and which extensions apply.
 */
public final class ContentNegotiation {

	/** The JSON:API media type. */
	public static final MediaType JSON_API = MediaType.parseMediaType("application/vnd.api+json");

	/** The URI of the Atomic Operations extension. */
	public static final String ATOMIC_EXTENSION = AtomicDocuments.EXTENSION;

	/** The {@code Content-Type} of documents the Atomic Operations extension applies to. */
	public static final MediaType JSON_API_ATOMIC = new MediaType(JSON_API,
			Map.of("ext", '"' + ATOMIC_EXTENSION + '"'));

	private static final Set<String> ALLOWED_PARAMETERS = Set.of("ext", "profile");

	/** Extensions that apply to one endpoint only, never to the resource endpoints. */
	private static final Set<String> ENDPOINT_EXTENSIONS = Set.of(ATOMIC_EXTENSION);

	private final Set<String> supportedExtensions;

	private final Set<String> resourceExtensions;

	/**
	 * Create the rules.
	 * @param supportedExtensions the extension URIs the server supports; the Atomic Operations
	 * extension applies only to the operations endpoint
	 */
	public ContentNegotiation(Set<String> supportedExtensions) {
		this.supportedExtensions = Set.copyOf(supportedExtensions);
		Set<String> resourceExtensions = new LinkedHashSet<>(supportedExtensions);
		resourceExtensions.removeAll(ENDPOINT_EXTENSIONS);
		this.resourceExtensions = Set.copyOf(resourceExtensions);
	}

	/**
	 * Check the {@code Content-Type} of a request with a body to a resource endpoint.
	 * @param contentType the header value, or {@code null}
	 * @return the extensions the request document uses
	 */
	public Set<String> checkContentType(@Nullable String contentType) {
		return checkContentType(contentType, this.resourceExtensions);
	}

	/**
	 * Check the {@code Content-Type} of a request to the Atomic Operations endpoint: the JSON:API
	 * media type with the extension in its {@code ext} parameter.
	 * @param contentType the header value, or {@code null}
	 * @return the extensions the request document uses
	 */
	public Set<String> checkAtomicContentType(@Nullable String contentType) {
		Set<String> extensions = checkContentType(contentType, this.supportedExtensions);
		if (!extensions.contains(ATOMIC_EXTENSION)) {
			throw unsupported("This endpoint takes Atomic Operations documents; send Content-Type "
					+ JSON_API_ATOMIC);
		}
		return extensions;
	}

	/**
	 * Check the {@code Accept} header of a request to the Atomic Operations endpoint: it must
	 * accept the JSON:API media type with the extension (or, with no JSON:API media type in it,
	 * accept anything the JSON:API media type matches).
	 * @param accept the header value, or {@code null}
	 */
	public void checkAtomicAccept(@Nullable String accept) {
		if (!StringUtils.hasText(accept)) {
			return;
		}
		List<MediaType> mediaTypes = parseAccept(accept);
		List<MediaType> instances = mediaTypes.stream().filter(JSON_API::equalsTypeAndSubtype).toList();
		if (instances.isEmpty()) {
			if (mediaTypes.stream().anyMatch((type) -> type.includes(JSON_API) && type.getQualityValue() > 0)) {
				return;
			}
			throw notAcceptable("This endpoint produces only " + JSON_API_ATOMIC);
		}
		for (MediaType type : usable(instances)) {
			Set<String> extensions = extensions(type);
			if (extensions.contains(ATOMIC_EXTENSION) && this.supportedExtensions.containsAll(extensions)) {
				return;
			}
		}
		throw notAcceptable("This endpoint answers with the Atomic Operations extension; accept " + JSON_API_ATOMIC);
	}

	private Set<String> checkContentType(@Nullable String contentType, Set<String> endpointExtensions) {
		if (!StringUtils.hasText(contentType)) {
			throw unsupported("The request has no Content-Type; send " + JSON_API);
		}
		MediaType mediaType;
		try {
			mediaType = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw unsupported("The Content-Type is not a valid media type; send " + JSON_API);
		}
		if (!JSON_API.equalsTypeAndSubtype(mediaType)) {
			throw unsupported("Content-Type " + mediaType.getType() + "/" + mediaType.getSubtype()
					+ " is not supported; send " + JSON_API);
		}
		for (String parameter : mediaType.getParameters().keySet()) {
			if (!ALLOWED_PARAMETERS.contains(parameter.toLowerCase())) {
				throw unsupported("The JSON:API media type allows only the 'ext' and 'profile' parameters, not '"
						+ parameter + "'");
			}
		}
		Set<String> extensions = extensions(mediaType);
		for (String extension : extensions) {
			if (!this.supportedExtensions.contains(extension)) {
				throw unsupported("Extension " + extension + " is not supported");
			}
			if (!endpointExtensions.contains(extension)) {
				throw unsupported("Extension " + extension + " is not supported by this endpoint"
						+ (extension.equals(ATOMIC_EXTENSION) ? "; send atomic operations to the operations endpoint"
								: ""));
			}
		}
		return extensions;
	}

	/**
	 * Check the {@code Accept} header of a request to a resource endpoint.
	 * @param accept the header value, or {@code null}
	 * @return the extensions the client accepts in the response
	 */
	public Set<String> checkAccept(@Nullable String accept) {
		if (!StringUtils.hasText(accept)) {
			return Set.of();
		}
		List<MediaType> mediaTypes = parseAccept(accept);
		List<MediaType> instances = mediaTypes.stream().filter(JSON_API::equalsTypeAndSubtype).toList();
		if (instances.isEmpty()) {
			if (mediaTypes.stream().anyMatch((type) -> type.includes(JSON_API) && type.getQualityValue() > 0)) {
				return Set.of();
			}
			throw notAcceptable("This API produces only " + JSON_API);
		}
		for (MediaType type : usable(instances)) {
			Set<String> extensions = extensions(type);
			if (this.resourceExtensions.containsAll(extensions)) {
				return extensions;
			}
		}
		throw notAcceptable("None of the extensions asked for in Accept is supported by this endpoint");
	}

	private static List<MediaType> parseAccept(String accept) {
		try {
			return MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw notAcceptable("The Accept header is not a valid list of media types");
		}
	}

	private static List<MediaType> usable(List<MediaType> instances) {
		List<MediaType> usable = instances.stream()
			.filter((type) -> type.getQualityValue() > 0)
			.filter((type) -> type.getParameters()
				.keySet()
				.stream()
				.allMatch((name) -> ALLOWED_PARAMETERS.contains(name.toLowerCase()) || name.equalsIgnoreCase("q")))
			.toList();
		if (usable.isEmpty()) {
			throw notAcceptable("The JSON:API media type in Accept allows only the 'ext' and 'profile' parameters");
		}
		return usable;
	}

	/**
	 * Whether an {@code Accept} header asks for a profile on the JSON:API media type.
	 * @param accept the header value, or {@code null}
	 * @param profile the profile URI
	 * @return whether one of its JSON:API media types names the profile
	 */
	public static boolean asksForProfile(@Nullable String accept, String profile) {
		if (!StringUtils.hasText(accept) || !accept.contains(profile)) {
			return false;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				String profiles = type.getParameter("profile");
				if (JSON_API.equalsTypeAndSubtype(type) && profiles != null
						&& Arrays.asList(unquote(profiles).trim().split("\\s+")).contains(profile)) {
					return true;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return false;
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) ? value.substring(1, value.length() - 1)
				: value;
	}

	private static Set<String> extensions(MediaType mediaType) {
		String ext = mediaType.getParameter("ext");
		if (ext == null) {
			return Set.of();
		}
		String unquoted = (ext.length() >= 2 && ext.startsWith("\"") && ext.endsWith("\""))
				? ext.substring(1, ext.length() - 1) : ext;
		return new LinkedHashSet<>(Arrays.asList(unquoted.trim().split("\\s+")));
	}

	private static JsonApiException unsupported(String detail) {
		return new JsonApiException(415, List.of(ErrorObject.atHeader(415, "Unsupported media type", detail,
				"Content-Type")), Map.of());
	}

	private static JsonApiException notAcceptable(String detail) {
		return new JsonApiException(406, List.of(ErrorObject.atHeader(406, "Not acceptable", detail, "Accept")),
				Map.of());
	}

}
