package dev.restless.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Checks the names under {@code restless.resources.<name>}: Spring Boot's binder ignores a name
 * that is no property of {@link RestlessProperties.Resource}, so a typo such as
 * {@code page-sise} would silently leave the setting at its default. A misspelled collection name
 * is caught by the registry; this catches a misspelled setting.
 */
final class ResourcePropertyNames {

	private static final ConfigurationPropertyName RESOURCES = ConfigurationPropertyName.of("restless.resources");

	/** The settings of a resource: by the form names are compared in, the dashed form people write. */
	private static final Map<String, String> SETTINGS = settings();

	private ResourcePropertyNames() {
	}

	private static Map<String, String> settings() {
		Map<String, String> settings = new TreeMap<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(RestlessProperties.Resource.class)) {
			if (property.getWriteMethod() != null) {
				String dashed = property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
				settings.put(dashed.replace("-", ""), dashed);
			}
		}
		return settings;
	}

	/**
	 * Fail when the environment sets a name under {@code restless.resources.<name>} that is not a
	 * setting of a resource.
	 * @param environment the environment
	 * @throws InvalidResourceConfigurationException naming the property and the valid settings
	 */
	static void check(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.filter(RESOURCES::isAncestorOf).stream().forEach(ResourcePropertyNames::check);
			}
		}
	}

	private static void check(ConfigurationPropertyName name) {
		int settingElement = RESOURCES.getNumberOfElements() + 1;
		if (name.getNumberOfElements() <= settingElement) {
			return;
		}
		String setting = name.getElement(settingElement, ConfigurationPropertyName.Form.UNIFORM);
		// An environment variable cannot tell a dash from a dot: RESTLESS_RESOURCES_BOOKS_PAGE_SIZE
		// reads as page.size, so the rest of the name is tried as one setting too.
		StringBuilder rest = new StringBuilder();
		for (int element = settingElement; element < name.getNumberOfElements(); element++) {
			if (!name.isNumericIndex(element)) {
				rest.append(name.getElement(element, ConfigurationPropertyName.Form.UNIFORM));
			}
		}
		if (SETTINGS.containsKey(setting) || SETTINGS.containsKey(rest.toString())) {
			return;
		}
		String resource = name.getElement(settingElement - 1, ConfigurationPropertyName.Form.ORIGINAL);
		throw new InvalidResourceConfigurationException("'" + name + "' is not a setting of a resource",
				"Use one of the settings of restless.resources." + resource + ": "
						+ String.join(", ", new TreeSet<>(SETTINGS.values())) + ".");
	}

}
