package dev.restless.autoconfigure;

import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.JsonApiSchema;
import dev.restless.it.support.OwnTestApplication;
import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings that make If-Match required, each in an application of its own (on an in-memory
 * database of its own), since the shared context of the other tests must keep its configuration.
 */
class RequireIfMatchSettingsTest {

	private static ConfigurableApplicationContext start(String... arguments) {
		return OwnTestApplication.start("require-if-match", new Class<?>[0], arguments);
	}

	private static JsonApiClient client(ConfigurableApplicationContext context) {
		return new JsonApiClient(OwnTestApplication.root(context)).checkingEach(JsonApiSchema::validate);
	}

	@Test
	void theGlobalSwitchCoversVersionedResourcesAndAResourcePropertyWinsOverIt() {
		try (ConfigurableApplicationContext context = start("--restless.require-if-match=true",
				"--restless.resources.notes.require-if-match=false")) {
			JsonApiClient api = client(context);
			ApiResponse counter = api.post("/api/counters",
					json("{'data': {'type': 'counters', 'attributes': {'name': 'hits'}}}"));
			ApiResponse person = api.post("/api/people", json("{'data': {'type': 'people', 'attributes': {'name': 'Ada'}}}"));
			ApiResponse note = api.post("/api/notes", json("{'data': {'type': 'notes', 'attributes': {'text': 'x'}}}"));
			String counterId = counter.at("/data/id").asString();
			String personId = person.at("/data/id").asString();
			String noteId = note.at("/data/id").asString();

			ApiResponse counterPatch = api.patch("/api/counters/" + counterId,
					json("{'data': {'type': 'counters', 'id': '" + counterId + "', 'attributes': {'value': 1}}}"));
			ApiResponse counterDelete = api.delete("/api/counters/" + counterId);
			ApiResponse personPatch = api.patch("/api/people/" + personId,
					json("{'data': {'type': 'people', 'id': '" + personId + "', 'attributes': {'age': 3}}}"));
			ApiResponse notePatch = api.patch("/api/notes/" + noteId,
					json("{'data': {'type': 'notes', 'id': '" + noteId + "', 'attributes': {'text': 'y'}}}"));

			assertThat(counter.status()).as("creating needs no If-Match").isEqualTo(201);
			assertThat(counterPatch.status()).isEqualTo(428);
			assertThat(counterDelete.status()).isEqualTo(428);
			assertThat(personPatch.status()).as("people have no version, hence no ETag").isEqualTo(200);
			assertThat(notePatch.status()).as("the property wins over the annotation").isEqualTo(200);
		}
	}

	@Test
	void requiringIfMatchOfAResourceWithoutVersionFailsStartUp() {
		assertThatThrownBy(() -> start("--restless.resources.people.require-if-match=true").close())
			.hasRootCauseInstanceOf(InvalidResourceConfigurationException.class)
			.rootCause()
			.hasMessageContaining("'people'")
			.hasMessageContaining("@Version");
	}

}
