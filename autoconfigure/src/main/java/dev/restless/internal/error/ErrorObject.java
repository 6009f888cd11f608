package dev.restless.internal.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A JSON:API error object. {@code status} is a string, as the specification requires.
 *
 * @param status the HTTP status code as a string
 * @param code an application-specific code a client can act on (such as {@code outcome-unknown}),
 * or {@code null}
 * @param title a short, occurrence-independent summary
 * @param detail an explanation of this occurrence, or {@code null}
 * @param source what in the request caused the error, or {@code null}
 * @param links error links (such as the {@code type} links of a profile), or {@code null}
 * @param meta non-standard information, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorObject(String status, @Nullable String code, String title, @Nullable String detail,
		@Nullable ErrorSource source, @Nullable Map<String, Object> links, @Nullable Map<String, Object> meta) {

	/**
	 * An error without a code.
	 * @param status the HTTP status code as a string
	 * @param title the title
	 * @param detail the detail, or {@code null}
	 * @param source the source, or {@code null}
	 * @param links the links, or {@code null}
	 * @param meta the meta, or {@code null}
	 */
	public ErrorObject(String status, String title, @Nullable String detail, @Nullable ErrorSource source,
			@Nullable Map<String, Object> links, @Nullable Map<String, Object> meta) {
		this(status, null, title, detail, source, links, meta);
	}

	/**
	 * An error without links or meta.
	 * @param status the HTTP status code as a string
	 * @param title the title
	 * @param detail the detail, or {@code null}
	 * @param source the source, or {@code null}
	 */
	public ErrorObject(String status, String title, @Nullable String detail, @Nullable ErrorSource source) {
		this(status, null, title, detail, source, null, null);
	}

	/**
	 * An error with a code a client can act on, and no source.
	 * @param status the HTTP status
	 * @param code the code
	 * @param title the title
	 * @param detail the detail
	 * @return the error object
	 */
	public static ErrorObject coded(int status, String code, String title, String detail) {
		return new ErrorObject(Integer.toString(status), code, title, detail, null, null, null);
	}

	/**
	 * An error without a source.
	 * @param status the HTTP status
	 * @param title the title
	 * @param detail the detail
	 * @return the error object
	 */
	public static ErrorObject of(int status, String title, @Nullable String detail) {
		return new ErrorObject(Integer.toString(status), title, detail, null);
	}

	/**
	 * An error caused by a member of the request document.
	 * @param status the HTTP status
	 * @param title the title
	 * @param detail the detail
	 * @param pointer a JSON pointer into the request document, such as {@code /data/attributes/name}
	 * @return the error object
	 */
	public static ErrorObject atPointer(int status, String title, String detail, String pointer) {
		return new ErrorObject(Integer.toString(status), title, detail, new ErrorSource(pointer, null, null));
	}

	/**
	 * An error caused by a query parameter.
	 * @param status the HTTP status
	 * @param title the title
	 * @param detail the detail
	 * @param parameter the query parameter name, such as {@code page[size]}
	 * @return the error object
	 */
	public static ErrorObject atParameter(int status, String title, String detail, String parameter) {
		return new ErrorObject(Integer.toString(status), title, detail, new ErrorSource(null, parameter, null));
	}

	/**
	 * An error caused by a request header.
	 * @param status the HTTP status
	 * @param title the title
	 * @param detail the detail
	 * @param header the header name
	 * @return the error object
	 */
	public static ErrorObject atHeader(int status, String title, String detail, String header) {
		return new ErrorObject(Integer.toString(status), title, detail, new ErrorSource(null, null, header));
	}

	/**
	 * This error with its pointer moved under a prefix (used by atomic operations).
	 * @param prefix the pointer prefix, such as {@code /atomic:operations/2}
	 * @return the error object
	 */
	public ErrorObject withPointerPrefix(String prefix) {
		String pointer = (this.source != null && this.source.pointer() != null) ? this.source.pointer() : "";
		return new ErrorObject(this.status, this.code, this.title, this.detail,
				new ErrorSource(prefix + pointer, null, null), this.links, this.meta);
	}

	/**
	 * The {@code source} member of an error object.
	 *
	 * @param pointer a JSON pointer into the request document
	 * @param parameter the query parameter that caused the error
	 * @param header the request header that caused the error
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ErrorSource(@Nullable String pointer, @Nullable String parameter, @Nullable String header) {
	}

}
