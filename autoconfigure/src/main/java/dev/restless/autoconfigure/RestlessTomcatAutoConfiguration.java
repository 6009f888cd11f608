package dev.restless.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lets embedded Tomcat accept the characters JSON:API query parameters are written with:
 * brackets ({@code page[size]}, {@code fields[people]}) and the JSON of {@code filter[objects]}.
 * Tomcat refuses them unencoded by default, which most JSON:API clients (and {@code curl -g}) send.
 * Characters the application already relaxed with {@code server.tomcat.relaxed-query-chars} are
 * kept.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Tomcat.class, TomcatConnectorCustomizer.class })
@ConditionalOnBooleanProperty(name = "restless.enabled", matchIfMissing = true)
public final class RestlessTomcatAutoConfiguration {

	/** The characters JSON:API query strings use that Tomcat rejects unless relaxed. */
	static final String JSON_API_QUERY_CHARS = "[]{}|\"^`\\<>";

	@Bean
	@ConditionalOnMissingBean(name = "restlessQueryCharsCustomizer")
	TomcatConnectorCustomizer restlessQueryCharsCustomizer() {
		return (connector) -> {
			Set<Character> characters = new LinkedHashSet<>();
			Object existing = connector.getProperty("relaxedQueryChars");
			String current = (existing != null) ? existing.toString() : "";
			for (char character : (current + JSON_API_QUERY_CHARS).toCharArray()) {
				characters.add(character);
			}
			StringBuilder relaxed = new StringBuilder();
			characters.forEach(relaxed::append);
			connector.setProperty("relaxedQueryChars", relaxed.toString());
		};
	}

}
