package dev.restless.internal.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonApiErrorReportValveTests {

	private static JsonApiErrorReportValve valve(String apiPath) {
		return new JsonApiErrorReportValve(apiPath, JsonMapper.builder().build());
	}

	@Test
	void theApiIsItsPathAndWhatIsUnderIt() {
		JsonApiErrorReportValve valve = valve("/shop/api");

		assertThat(valve.addressedToTheApi("/shop/api")).isTrue();
		assertThat(valve.addressedToTheApi("/shop/api/people/1%2F2")).isTrue();
		assertThat(valve.addressedToTheApi("/shop/apis")).isFalse();
		assertThat(valve.addressedToTheApi("/shop/other")).isFalse();
		assertThat(valve.addressedToTheApi(null)).isFalse();
	}

	@Test
	void aTrailingSlashInTheApiPathChangesNothing() {
		assertThat(valve("/api/").addressedToTheApi("/api/people/%00")).isTrue();
		assertThat(valve("/api/").addressedToTheApi("/apis")).isFalse();
	}

	@Test
	void anApiAtTheRootTakesEveryPath() {
		assertThat(valve("/").addressedToTheApi("/people/1%2F2")).isTrue();
		assertThat(valve("").addressedToTheApi("/people")).isTrue();
		assertThat(valve("/").addressedToTheApi("")).isFalse();
	}

}
