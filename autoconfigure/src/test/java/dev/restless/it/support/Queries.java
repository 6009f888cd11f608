package dev.restless.it.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Builds query strings for the tests and reads the primary data of responses.
 */
public final class Queries {

	private Queries() {
	}

	/**
	 * Encode a query parameter name or value (JSON filters included).
	 * @param text the text
	 * @return the encoded text
	 */
	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * {@code ?filter[objects]=...} with the filters written with single quotes.
	 * @param singleQuotedJson the filters, as in {@link JsonApiClient#json(String)}
	 * @return the encoded query string, starting with {@code filter}
	 */
	public static String objects(String singleQuotedJson) {
		return "filter%5Bobjects%5D=" + encode(JsonApiClient.json(singleQuotedJson));
	}

	/**
	 * The values of one attribute across the primary data, in order.
	 * @param response the response of a collection
	 * @param attribute the attribute
	 * @return the values as text
	 */
	public static List<String> values(ApiResponse response, String attribute) {
		List<String> values = new ArrayList<>();
		for (JsonNode resource : response.at("/data")) {
			values.add(resource.at("/attributes/" + attribute).asString());
		}
		return values;
	}

}
