package dev.restless.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete and explain the properties from the configuration metadata: every setting of a
 * resource under {@code restless.resources.<name>} must be described there, which the annotation
 * processor cannot do for the values of a map.
 */
class ConfigurationMetadataTests {

	@Test
	void everySettingOfAResourceIsDescribedInTheMetadata() throws Exception {
		Map<String, JsonNode> properties = restlessProperties();

		int settings = 0;
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(RestlessProperties.Resource.class)) {
			if (property.getWriteMethod() == null) {
				continue;
			}
			settings++;
			String name = "restless.resources.*."
					+ property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
			assertThat(properties).as(name).containsKey(name);
			assertThat(properties.get(name).path("description").asString()).as(name).isNotBlank();
			assertThat(properties.get(name).path("sourceType").asString())
				.isEqualTo(RestlessProperties.Resource.class.getName());
		}
		assertThat(settings).isEqualTo(20);
	}

	private static Map<String, JsonNode> restlessProperties() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					if (property.path("name").asString().startsWith("restless.")) {
						properties.put(property.path("name").asString(), property);
					}
				}
			}
		}
		return properties;
	}

}
