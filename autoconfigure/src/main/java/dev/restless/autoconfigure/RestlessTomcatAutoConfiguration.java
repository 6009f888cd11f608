package dev.restless.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.restless.internal.web.JsonApiErrorReportValve;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Embedded Tomcat for a JSON:API: it accepts the characters JSON:API query parameters are written
 * with, and answers the requests it refuses itself with JSON:API errors where they address the API.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Tomcat.class, TomcatConnectorCustomizer.class })
@ConditionalOnBooleanProperty(name = "restless.enabled", matchIfMissing = true)
public final class RestlessTomcatAutoConfiguration {

	/** The characters JSON:API query strings use that Tomcat rejects unless relaxed. */
	static final String JSON_API_QUERY_CHARS = "[]{}|\"^`\\<>";

	/**
	 * Brackets ({@code page[size]}, {@code fields[people]}) and the JSON of
	 * {@code filter[objects]}: Tomcat refuses them unencoded by default, and most JSON:API clients
	 * (and {@code curl -g}) send them so. Characters the application already relaxed with
	 * {@code server.tomcat.relaxed-query-chars} are kept.
	 * @return the customizer
	 */
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

	/**
	 * The error report of the host becomes a {@link JsonApiErrorReportValve}, which answers the
	 * requests Tomcat refuses before any servlet sees them with a JSON:API error where they address
	 * the API. It takes the place of every other error report valve, keeping its settings (Spring
	 * Boot adds one that hides the server's version), when the host starts: by then every
	 * customizer has run, whatever its order.
	 * @param properties the Restless properties
	 * @param mapper writes the error documents
	 * @param environment tells the path of the dispatcher servlet
	 * @return the customizer
	 */
	@Bean
	@ConditionalOnMissingBean(name = "restlessErrorReportCustomizer")
	TomcatContextCustomizer restlessErrorReportCustomizer(RestlessProperties properties,
			ObjectProvider<ObjectMapper> mapper, Environment environment) {
		String servletPath = ServletPaths.servletPath(environment);
		return (context) -> {
			Container host = context.getParent();
			JsonApiErrorReportValve valve = new JsonApiErrorReportValve(
					context.getPath() + servletPath + properties.getBasePath(), RestlessAutoConfiguration.mapperOf(mapper));
			host.addLifecycleListener((event) -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					replaceErrorReport(host, valve);
				}
			});
		};
	}

	private static void replaceErrorReport(Container host, JsonApiErrorReportValve valve) {
		Pipeline pipeline = host.getPipeline();
		for (Valve existing : pipeline.getValves()) {
			if (existing instanceof ErrorReportValve report && existing != valve) {
				valve.setShowReport(report.isShowReport());
				valve.setShowServerInfo(report.isShowServerInfo());
				pipeline.removeValve(existing);
			}
		}
		if (!List.of(pipeline.getValves()).contains(valve)) {
			pipeline.addValve(valve);
		}
		if (host instanceof StandardHost standard) {
			// So that the host does not add its default report valve when it starts.
			standard.setErrorReportValveClass(JsonApiErrorReportValve.class.getName());
		}
	}

}
