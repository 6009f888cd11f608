package dev.restless.internal.openapi;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Stable, readable operation ids that code generators can turn into method names: a verb, the
 * collection and the relationship in camel case, such as {@code listPeople}, {@code getPeople} or
 * {@code addPeopleComputersRelationship}. Ids that would clash get a number.
 */
final class OperationIds {

	private final Set<String> used = new HashSet<>();

	/**
	 * The id of an operation.
	 * @param verb what it does
	 * @param collection the collection name
	 * @param relationship the relationship (and endpoint kind) it is about, or {@code null}
	 * @return the id, unique among those given so far
	 */
	String of(String verb, String collection, @Nullable String relationship) {
		StringBuilder id = new StringBuilder(verb);
		appendWords(id, collection);
		if (relationship != null) {
			appendWords(id, relationship);
		}
		return unique(id.toString());
	}

	/**
	 * Make an id unique.
	 * @param id the id
	 * @return the id, or the id with a number when it is taken
	 */
	String unique(String id) {
		String candidate = id;
		for (int number = 2; !this.used.add(candidate); number++) {
			candidate = id + number;
		}
		return candidate;
	}

	/** Append the letters and digits of a name, each word starting upper-case. */
	private static void appendWords(StringBuilder id, String name) {
		boolean upper = true;
		for (int index = 0; index < name.length(); index++) {
			char character = name.charAt(index);
			if (Character.isLetterOrDigit(character) && character < 128) {
				id.append(upper ? Character.toUpperCase(character) : character);
				upper = false;
			}
			else {
				upper = true;
			}
		}
	}

}
