package dev.restless.internal.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Include paths ({@code computers.owner}, {@code computers}) merged into a tree of relationship
 * names, so each relationship at each level is loaded once.
 *
 * @param children the relationships to include at this level, each with what to include below it
 */
public record IncludeTree(Map<String, IncludeTree> children) {

	/** A tree that includes nothing. */
	public static final IncludeTree EMPTY = new IncludeTree(Map.of());

	/**
	 * Merge dotted paths into a tree.
	 * @param paths the include paths
	 * @return the tree
	 */
	public static IncludeTree of(List<String> paths) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (String path : paths) {
			Map<String, Object> level = root;
			for (String segment : path.split("\\.")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(segment,
						(key) -> new LinkedHashMap<String, Object>());
				level = next;
			}
		}
		return freeze(root);
	}

	@SuppressWarnings("unchecked")
	private static IncludeTree freeze(Map<String, Object> level) {
		Map<String, IncludeTree> children = new LinkedHashMap<>();
		level.forEach((name, below) -> children.put(name, freeze((Map<String, Object>) below)));
		return new IncludeTree(Collections.unmodifiableMap(children));
	}

	/** @return whether nothing is included */
	public boolean isEmpty() {
		return this.children.isEmpty();
	}

}
