package dev.restless.internal.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Writes and reads the opaque cursors of cursor pagination: the values of the sort keys of one
 * resource followed by its id, as a JSON array in URL-safe Base64. Cursors carry no secret; they
 * only let the server find its place again, and a cursor that does not decode is answered as an
 * invalid query parameter.
 */
public final class CursorCodec {

	private final ObjectMapper mapper;

	/**
	 * Create a codec.
	 * @param mapper writes and reads the key values (the application's mapper, so values round-trip
	 * as attributes do)
	 */
	public CursorCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Encode the key values of one resource.
	 * @param values the sort key values ({@code null} where an attribute is null) and, last, the id
	 * @return the cursor
	 */
	public String encode(List<? extends @Nullable Object> values) {
		ArrayNode array = this.mapper.createArrayNode();
		for (Object value : values) {
			// Ids and most keys are numbers or text: no serialisation round trip for them.
			if (value == null) {
				array.addNull();
			}
			else if (value instanceof Long number) {
				array.add(number.longValue());
			}
			else if (value instanceof Integer number) {
				array.add(number.intValue());
			}
			else if (value instanceof String text) {
				array.add(text);
			}
			else {
				array.add(this.mapper.valueToTree(value));
			}
		}
		byte[] json = this.mapper.writeValueAsBytes(array);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
	}

	/**
	 * Decode a cursor into key values of the given types.
	 * @param cursor the cursor from the client
	 * @param types the Java type of each key, the id last
	 * @return the values ({@code null} for a sort key that was null), or empty when the cursor is not
	 * one this codec wrote for these keys
	 */
	public Optional<List<@Nullable Object>> decode(String cursor, List<Class<?>> types) {
		try {
			JsonNode array = this.mapper.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
			if (array == null || !array.isArray() || array.size() != types.size()) {
				return Optional.empty();
			}
			List<@Nullable Object> values = new ArrayList<>();
			for (int index = 0; index < types.size(); index++) {
				JsonNode value = array.get(index);
				if (value.isNull()) {
					// A sort key may be null; the id, always last, never is.
					if (index == types.size() - 1) {
						return Optional.empty();
					}
					values.add(null);
					continue;
				}
				values.add(this.mapper.treeToValue(value, types.get(index)));
			}
			return Optional.of(values);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

}
