package dev.restless.internal.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.query.PageParameters;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The top-level {@code links} and {@code meta} of paginated collection documents: offset pages
 * ({@code first}, {@code prev}, {@code next}, {@code last} and {@code meta.total} when counted or
 * estimated, in
 * page numbers or in offsets as the client asked) and
 * cursor pages (JSON:API cursor pagination profile: item cursors in each resource's
 * {@code meta.page.cursor}, {@code prev} and {@code next} made of cursors).
 */
public final class PaginationLinks {

	private PaginationLinks() {
	}

	/**
	 * Add the links of an offset page, in the style the client asked for it ({@code page[number]}
	 * and {@code page[size]}, or {@code page[offset]} and {@code page[limit]}), and
	 * {@code meta.total} where it was counted.
	 * @param document the collection document
	 * @param links the request's URLs
	 * @param page the page
	 * @param total the number of resources in all pages, or {@code null} when not counted
	 * @param estimated whether the total is the database's estimate: it is marked as one in
	 * {@code meta}, and the {@code last} page it would give is left out as unknown
	 * @param hasNext whether a next page exists (known without a count from one extra row)
	 */
	public static void addNumbered(ObjectNode document, RequestLinks links, PageParameters page, @Nullable Long total,
			boolean estimated, boolean hasNext) {
		@Nullable Long exact = estimated ? null : total;
		if (page.offsetAndLimit()) {
			addOffsets(document, links, page.offset(), page.size(), exact, hasNext);
		}
		else {
			addNumbered(document, links, page.number(), page.size(), exact, hasNext);
		}
		if (total != null) {
			addTotal(document.putObject("meta"), total, estimated);
		}
	}

	private static void addTotal(ObjectNode meta, long total, boolean estimated) {
		meta.put("total", total);
		if (estimated) {
			meta.put("totalEstimated", true);
		}
	}

	private static void addNumbered(ObjectNode document, RequestLinks links, int number, int size,
			@Nullable Long total, boolean hasNext) {
		// Without a count the last page is unknown: 'last' is null and 'next' comes from the extra row.
		Long last = (total != null) ? Math.max(1, (total + size - 1) / size) : null;
		ObjectNode node = document.putObject("links");
		node.put("self", links.self());
		node.put("first", pageUrl(links, 1, size));
		node.put("last", (last != null) ? pageUrl(links, last, size) : null);
		if (number > 1) {
			node.put("prev", pageUrl(links, (last != null) ? Math.min(number - 1, last) : number - 1, size));
		}
		else {
			node.putNull("prev");
		}
		node.put("next", hasNext ? pageUrl(links, number + 1, size) : null);
	}

	private static void addOffsets(ObjectNode document, RequestLinks links, long offset, int limit,
			@Nullable Long total, boolean hasNext) {
		Long last = (total != null) ? Math.max(0, (total - 1) / limit * limit) : null;
		ObjectNode node = document.putObject("links");
		node.put("self", links.self());
		node.put("first", offsetUrl(links, 0, limit));
		node.put("last", (last != null) ? offsetUrl(links, last, limit) : null);
		if (offset > 0) {
			long previous = Math.max(0, offset - limit);
			node.put("prev", offsetUrl(links, (last != null) ? Math.min(previous, last) : previous, limit));
		}
		else {
			node.putNull("prev");
		}
		node.put("next", hasNext ? offsetUrl(links, offset + limit, limit) : null);
	}

	/**
	 * Add the cursors and links of a cursor page.
	 * @param document the collection document, whose {@code data} holds the page's resources
	 * @param links the request's URLs
	 * @param itemCursors the cursor of each resource of the page, in order
	 * @param size the page size
	 * @param hasPrev whether a previous page exists
	 * @param hasNext whether a next page exists
	 * @param total the number of resources in all pages, or {@code null} when not counted
	 * @param estimated whether the total is the database's estimate
	 */
	public static void addCursors(ObjectNode document, RequestLinks links, List<String> itemCursors, int size,
			boolean hasPrev, boolean hasNext, @Nullable Long total, boolean estimated) {
		for (int index = 0; index < itemCursors.size(); index++) {
			ObjectNode item = (ObjectNode) document.get("data").get(index);
			JsonNode meta = item.get("meta");
			ObjectNode itemMeta = (meta instanceof ObjectNode object) ? object : item.putObject("meta");
			itemMeta.putObject("page").put("cursor", itemCursors.get(index));
		}
		String first = itemCursors.isEmpty() ? null : itemCursors.get(0);
		String last = itemCursors.isEmpty() ? null : itemCursors.get(itemCursors.size() - 1);
		ObjectNode node = document.putObject("links");
		node.put("self", links.self());
		node.put("prev", (hasPrev && first != null) ? cursorUrl(links, "page[before]", first, size) : null);
		node.put("next", (hasNext && last != null) ? cursorUrl(links, "page[after]", last, size) : null);
		if (total != null) {
			ObjectNode meta = document.putObject("meta");
			addTotal(meta, total, estimated);
			meta.putObject("page").put("total", total);
		}
	}

	private static String cursorUrl(RequestLinks links, String parameter, String cursor, int size) {
		Map<String, @Nullable String> page = new LinkedHashMap<>();
		page.put("page[number]", null);
		page.put("page[after]", null);
		page.put("page[before]", null);
		page.put(parameter, cursor);
		page.put("page[size]", Integer.toString(size));
		return links.withParameters(page);
	}

	private static String offsetUrl(RequestLinks links, long offset, int limit) {
		Map<String, @Nullable String> page = new LinkedHashMap<>();
		page.put("page[offset]", Long.toString(offset));
		page.put("page[limit]", Integer.toString(limit));
		return links.withParameters(page);
	}

	private static String pageUrl(RequestLinks links, long number, int size) {
		Map<String, @Nullable String> page = new LinkedHashMap<>();
		page.put("page[number]", Long.toString(number));
		page.put("page[size]", Integer.toString(size));
		return links.withParameters(page);
	}

}
