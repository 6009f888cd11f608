package dev.restless.internal.precondition;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP entity tag ({@code "abc"} or, weak, {@code W/"abc"}), as RFC 9110 defines it.
 *
 * @param opaque the opaque tag, without quotes
 * @param weak whether the tag is weak
 */
public record EntityTag(String opaque, boolean weak) {

	/**
	 * A strong entity tag.
	 * @param opaque the opaque tag: visible ASCII characters except the double quote
	 * @return the tag
	 */
	public static EntityTag strong(String opaque) {
		return new EntityTag(opaque, false);
	}

	/**
	 * The tag as it is written in an {@code ETag} header.
	 * @return the header value
	 */
	public String format() {
		return (this.weak ? "W/" : "") + '"' + this.opaque + '"';
	}

	/**
	 * Strong comparison, used by {@code If-Match}: both tags are strong and equal.
	 * @param other the other tag
	 * @return whether the tags match
	 */
	public boolean strongMatch(EntityTag other) {
		return !this.weak && !other.weak && this.opaque.equals(other.opaque);
	}

	/**
	 * Weak comparison, used by {@code If-None-Match}: the opaque tags are equal.
	 * @param other the other tag
	 * @return whether the tags match
	 */
	public boolean weakMatch(EntityTag other) {
		return this.opaque.equals(other.opaque);
	}

	/**
	 * Parse the value of an {@code If-Match} or {@code If-None-Match} header: {@code *} or a
	 * comma-separated list of entity tags.
	 * @param value the header value (several header lines joined with commas)
	 * @return the condition
	 * @throws IllegalArgumentException when the value is not well formed
	 */
	public static Condition parseCondition(String value) {
		String text = value.trim();
		if (text.equals("*")) {
			return new Condition(true, List.of());
		}
		List<EntityTag> tags = new ArrayList<>();
		int index = 0;
		while (index < text.length()) {
			char current = text.charAt(index);
			if (current == ',' || current == ' ' || current == '\t') {
				index++;
				continue;
			}
			boolean weak = text.startsWith("W/", index);
			if (weak) {
				index += 2;
			}
			if (index >= text.length() || text.charAt(index) != '"') {
				throw new IllegalArgumentException("An entity tag must be in double quotes");
			}
			int end = text.indexOf('"', index + 1);
			if (end < 0) {
				throw new IllegalArgumentException("An entity tag has no closing double quote");
			}
			String opaque = text.substring(index + 1, end);
			for (int position = 0; position < opaque.length(); position++) {
				char character = opaque.charAt(position);
				if (character < 0x21 || character == 0x7F) {
					throw new IllegalArgumentException("An entity tag holds a character it may not hold");
				}
			}
			tags.add(new EntityTag(opaque, weak));
			index = end + 1;
			while (index < text.length() && (text.charAt(index) == ' ' || text.charAt(index) == '\t')) {
				index++;
			}
			if (index < text.length() && text.charAt(index) != ',') {
				throw new IllegalArgumentException("Entity tags must be separated by commas");
			}
		}
		if (tags.isEmpty()) {
			throw new IllegalArgumentException("The header holds no entity tag");
		}
		return new Condition(false, List.copyOf(tags));
	}

	/**
	 * The parsed value of an {@code If-Match} or {@code If-None-Match} header.
	 *
	 * @param any whether the value is {@code *}, which matches any current representation
	 * @param tags the listed entity tags (empty for {@code *})
	 */
	public record Condition(boolean any, List<EntityTag> tags) {

		/**
		 * Evaluate as {@code If-Match} does (strong comparison).
		 * @param current the current tag of the resource, or {@code null} when it has none
		 * @return whether the condition holds
		 */
		public boolean matchesStrongly(@Nullable EntityTag current) {
			if (this.any) {
				return true;
			}
			return current != null && this.tags.stream().anyMatch((tag) -> tag.strongMatch(current));
		}

		/**
		 * Evaluate as {@code If-None-Match} does (weak comparison): whether any tag matches.
		 * @param current the current tag of the resource, or {@code null} when it has none
		 * @return whether one of the tags (or {@code *}) matches
		 */
		public boolean matchesWeakly(@Nullable EntityTag current) {
			if (this.any) {
				return true;
			}
			return current != null && this.tags.stream().anyMatch((tag) -> tag.weakMatch(current));
		}

	}

}
