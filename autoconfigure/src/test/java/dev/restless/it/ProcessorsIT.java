package dev.restless.it;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.restless.Operation;
import dev.restless.ProcessingException;
import dev.restless.it.app.Computer;
import dev.restless.it.app.Note;
import dev.restless.it.app.Person;
import dev.restless.it.app.TestProcessors;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.query.SortField;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessorsIT extends ApiIntegrationTest {

	@Autowired
	private EntityManager entityManager;

	@AfterEach
	void resetProcessors() {
		TestProcessors.reset();
	}

	private Computer computer(String name) {
		Computer computer = new Computer();
		computer.setName(name);
		this.fixtures.persist(computer);
		return computer;
	}

	@Test
	void globalProcessorsRunBeforeScopedOnesEachInOrder() {
		computer("a");
		TestProcessors.calls.clear();

		this.api.get("/api/computers");

		assertThat(TestProcessors.calls).containsExactly("global-pre-1", "global-pre-2", "scoped-pre:GET_COLLECTION",
				"global-post");
	}

	@Test
	void scopedProcessorsRunOnlyForTheirCollectionsAndOperations() {
		Person person = new Person();
		person.setName("Ada");
		this.fixtures.persist(person);
		TestProcessors.calls.clear();

		this.api.get("/api/people/" + person.getId());
		List<String> onRead = List.copyOf(TestProcessors.calls);
		TestProcessors.calls.clear();
		this.api.patch("/api/people/" + person.getId(),
				json("{'data': {'type': 'people', 'id': '%s', 'attributes': {'age': 3}}}".formatted(person.getId())));

		assertThat(onRead).containsExactly("global-pre-1", "global-pre-2", "global-post");
		assertThat(TestProcessors.calls).containsExactly("global-pre-1", "global-pre-2", "global-post",
				"scoped-post:PATCH_RESOURCE");
	}

	@Test
	void aPreprocessorCanReplaceTheId() {
		Computer wanted = computer("wanted");
		computer("other");
		TestProcessors.scopedPreprocessing = (context) -> {
			if (context.operation() == Operation.GET_RESOURCE) {
				context.setId(wanted.getId().toString());
			}
		};

		ApiResponse response = this.api.get("/api/computers/999999");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.at("/data/attributes/name").asString()).isEqualTo("wanted");
	}

	@Test
	void aPreprocessorCanChangeTheParsedQuery() {
		computer("a");
		computer("b");
		computer("c");
		TestProcessors.scopedPreprocessing = (context) -> context
			.setQuery(context.query().withSort(List.of(new SortField("name", true))));

		ApiResponse response = this.api.get("/api/computers");

		assertThat(response.at("/data/0/attributes/name").asString()).isEqualTo("c");
		assertThat(response.at("/data/2/attributes/name").asString()).isEqualTo("a");
	}

	@Test
	void aPreprocessorCanChangeTheRequestDocument() {
		TestProcessors.scopedPreprocessing = (context) -> {
			if (context.operation() == Operation.POST_RESOURCE) {
				((ObjectNode) context.document().at("/data/attributes")).put("vendor", "stamped");
			}
		};

		ApiResponse response = this.api.post("/api/computers",
				json("{'data': {'type': 'computers', 'attributes': {'name': 'x'}}}"));

		assertThat(response.status()).as(response.text()).isEqualTo(201);
		assertThat(response.at("/data/attributes/vendor").asString()).isEqualTo("stamped");
	}

	@Test
	void aPostprocessorCanChangeTheResponseDocumentAndSeesTheEntities() {
		Computer computer = computer("a");
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation() == Operation.GET_RESOURCE) {
				context.document().putObject("meta").put("seen", ((Computer) context.entities().get(0)).getName());
			}
		};

		ApiResponse response = this.api.get("/api/computers/" + computer.getId());

		assertThat(response.at("/meta/seen").asString()).isEqualTo("a");
	}

	@Test
	void theApplicationsOwnCriteriaQueriesInTheRequestsSessionAreStillCopiedAfterRestlessRanItsQueries() {
		computer("a");
		AtomicReference<Boolean> copying = new AtomicReference<>();
		TestProcessors.globalPostprocessing = (context) -> copying
			.set(this.entityManager.unwrap(SharedSessionContractImplementor.class).isCriteriaCopyTreeEnabled());

		ApiResponse response = this.api.get("/api/computers?page%5Bsize%5D=1&page%5Btotal%5D=exact&filter%5Bname%5D=a");

		assertThat(response.status()).as(response.text()).isEqualTo(200);
		// JPA's default, which Restless's own queries, built for one use, do without.
		assertThat(copying.get()).isTrue();
	}

	@Test
	void aProcessingExceptionStopsTheChainAndBecomesItsStatusAndOneError() {
		TestProcessors.globalPreprocessing = (context) -> {
			throw new ProcessingException(403, "Not yours", "You may not list these");
		};

		ApiResponse response = this.api.get("/api/computers");

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.at("/errors").size()).isEqualTo(1);
		assertThat(response.firstError().get("status").asString()).isEqualTo("403");
		assertThat(response.firstError().get("title").asString()).isEqualTo("Not yours");
		assertThat(response.firstError().get("detail").asString()).isEqualTo("You may not list these");
		assertThat(TestProcessors.calls).doesNotContain("scoped-pre:GET_COLLECTION", "global-post");
	}

	@Test
	void aPostprocessorThatThrowsLeavesNothingOfTheWriteCommitted() {
		TestProcessors.scopedPostprocessing = (context) -> {
			throw new ProcessingException(409, "Refused", "The write is refused after the fact");
		};
		Person person = new Person();
		person.setName("Ada");
		this.fixtures.persist(person);

		ApiResponse create = this.api.post("/api/people",
				json("{'data': {'type': 'people', 'attributes': {'name': 'Grace'}}}"));
		ApiResponse update = this.api.patch("/api/people/" + person.getId(),
				json("{'data': {'type': 'people', 'id': '%s', 'attributes': {'age': 9}}}".formatted(person.getId())));

		assertThat(create.status()).isEqualTo(409);
		assertThat(update.status()).isEqualTo(409);
		assertThat(this.fixtures.count(Person.class)).isEqualTo(1);
		Integer age = this.fixtures.read((em) -> em.find(Person.class, person.getId()).getAge());
		assertThat(age).isNull();
	}

	@Test
	void aDeletePostprocessorThatThrowsLeavesTheResourceInPlace() {
		Computer computer = computer("keep");
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation() == Operation.DELETE_RESOURCE) {
				throw new ProcessingException(500, "Audit failed", "The deletion could not be audited");
			}
		};

		ApiResponse response = this.api.delete("/api/computers/" + computer.getId());

		assertThat(response.status()).isEqualTo(500);
		assertThat(this.fixtures.count(Computer.class)).isEqualTo(1);
	}

	@Test
	void aDocumentThatCannotBeWrittenIsAGeneric500WithoutTheHeadersOfTheFailedResponse() {
		Note note = new Note("draft");
		this.fixtures.persist(note);
		TestProcessors.globalPostprocessing = (context) -> {
			if (context.operation() == Operation.GET_RESOURCE) {
				context.document().putPOJO("unwritable", new Unwritable());
			}
		};

		ApiResponse response = this.api.get("/api/notes/" + note.getId());

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.firstError().get("status").asString()).isEqualTo("500");
		assertThat(response.header("ETag")).as("the ETag of the document that failed").isNull();
	}

	/** A value whose serialisation fails. */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

	@Test
	void anUnexpectedFailureIsAGeneric500WithoutDetailsOfTheServer() {
		TestProcessors.globalPreprocessing = (context) -> {
			throw new IllegalStateException("database password is hunter2 at dev.restless.Secret");
		};

		ApiResponse response = this.api.get("/api/computers");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.firstError().get("status").asString()).isEqualTo("500");
		assertThat(response.text()).doesNotContain("hunter2").doesNotContain("IllegalState").doesNotContain("dev.restless");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aClientThatHasGoneAwayIsNeitherAnsweredNorLoggedAsAFailure(CapturedOutput output) {
		// What Spring MVC throws when the response can no longer be written to; it is checked, so
		// the processor throws it the way the servlet stream would, undeclared.
		TestProcessors.globalPreprocessing = (context) -> throwUnchecked(
				new AsyncRequestNotUsableException("ServletOutputStream failed to flush: Broken pipe"));

		// No check of what comes back: the connection is broken before anything is answered.
		ApiResponse response = new JsonApiClient(this.api.root()).get("/api/computers");

		assertThat(response.text()).isEmpty();
		assertThat(output).doesNotContain("Unexpected failure").doesNotContain("Failure in @ExceptionHandler");
	}

	@SuppressWarnings("unchecked")
	private static <E extends Throwable> void throwUnchecked(Throwable ex) throws E {
		throw (E) ex;
	}

}
