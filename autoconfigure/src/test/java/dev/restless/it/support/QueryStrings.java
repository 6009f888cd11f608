package dev.restless.it.support;

/**
 * Writes query strings the way a client library sends them: Tomcat refuses raw square brackets,
 * so {@code page[size]} travels as {@code page%5Bsize%5D}.
 */
public final class QueryStrings {

	private QueryStrings() {
	}

	/**
	 * Encode the square brackets of a path with a query string.
	 * @param pathAndQuery such as {@code /api/people?page[size]=2}
	 * @return the path with {@code [} and {@code ]} percent-encoded
	 */
	public static String encoded(String pathAndQuery) {
		return pathAndQuery.replace("[", "%5B").replace("]", "%5D");
	}

}
