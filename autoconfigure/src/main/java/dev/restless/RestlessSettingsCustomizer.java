package dev.restless;

/**
 * Changes the {@link RestlessSettings} of an application after the {@code restless.*} properties
 * have been applied to them. Declare beans of this type to set what properties cannot express, or
 * to compute settings in code; they run in {@link org.springframework.core.annotation.Order @Order}
 * (or {@link org.springframework.core.Ordered}) order, so a later one sees and can change what an
 * earlier one set.
 *
 * <pre>{@code
 * @Bean
 * RestlessSettingsCustomizer largerPeoplePages() {
 *     return (settings) -> settings.resource("people").setMaxPageSize(500);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RestlessSettingsCustomizer {

	/**
	 * Change the settings.
	 * @param settings the settings, with the properties already applied
	 */
	void customize(RestlessSettings settings);

}
