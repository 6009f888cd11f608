package dev.restless.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.restless.document.ErrorObject;
import dev.restless.document.JsonApiException;

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
	public static final String ATOMIC_EXTENSION = "https://jsonapi.org/ext/atomic";

	private static final Set<String> ALLOWED_PARAMETERS = Set.of("ext", "profile");

	private final Set<String> supportedExtensions;

	/**
	 * Create the rules.
	 * @param supportedExtensions the extension URIs the server supports
	 */
	public ContentNegotiation(Set<String> supportedExtensions) {
		this.supportedExtensions = Set.copyOf(supportedExtensions);
	}

	/**
	 * Check the {@code Content-Type} of a request with a body.
	 * @param contentType the header value, or {@code null}
	 * @return the extensions the request document uses
	 */
	public Set<String> checkContentType(String contentType) {
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
		}
		return extensions;
	}

	/**
	 * Check the {@code Accept} header of a request.
	 * @param accept the header value, or {@code null}
	 * @return the extensions the client accepts in the response
	 */
	public Set<String> checkAccept(String accept) {
		if (!StringUtils.hasText(accept)) {
			return Set.of();
		}
		List<MediaType> mediaTypes;
		try {
			mediaTypes = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			throw notAcceptable("The Accept header is not a valid list of media types");
		}
		List<MediaType> instances = mediaTypes.stream().filter(JSON_API::equalsTypeAndSubtype).toList();
		if (instances.isEmpty()) {
			if (mediaTypes.stream().anyMatch((type) -> type.includes(JSON_API) && type.getQualityValue() > 0)) {
				return Set.of();
			}
			throw notAcceptable("This API produces only " + JSON_API);
		}
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
		for (MediaType type : usable) {
			Set<String> extensions = extensions(type);
			if (this.supportedExtensions.containsAll(extensions)) {
				return extensions;
			}
		}
		throw notAcceptable("None of the extensions asked for in Accept is supported");
	}

	/**
	 * Whether an {@code Accept} header asks for a profile on the JSON:API media type.
	 * @param accept the header value, or {@code null}
	 * @param profile the profile URI
	 * @return whether one of its JSON:API media types names the profile
	 */
	public static boolean asksForProfile(String accept, String profile) {
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
