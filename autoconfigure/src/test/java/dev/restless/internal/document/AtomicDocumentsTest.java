package dev.restless.internal.document;

import java.util.List;

import dev.restless.internal.error.JsonApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtomicDocumentsTest {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final ApiUrls API = new ApiUrls("http://example.com/api");

	private final AtomicDocuments documents = new AtomicDocuments();

	private static ObjectNode document(String singleQuoted) {
		return (ObjectNode) mapper.readTree(singleQuoted.replace('\'', '"'));
	}

	private List<AtomicOperation> read(String singleQuoted) {
		return this.documents.operations(document(singleQuoted), 10, API);
	}

	private String pointerOfFailure(String singleQuoted) {
		return assertThatExceptionOfType(JsonApiException.class).isThrownBy(() -> read(singleQuoted))
			.actual()
			.errors()
			.get(0)
			.source()
			.pointer();
	}

	@Test
	void hrefsNameCollectionsResourcesAndRelationshipsOfThisApi() {
		List<AtomicOperation> operations = read("""
				{'atomic:operations': [
				  {'op': 'add', 'href': '/api/counters', 'data': {'type': 'counters'}},
				  {'op': 'remove', 'href': 'HTTP://Example.com:80/api/counters/7'},
				  {'op': 'update', 'href': 'notes/3/relationships/tags', 'data': []}]}""");

		assertThat(operations.get(0).target()).isEqualTo(new OperationTarget("counters", null, null, null, "/href"));
		assertThat(operations.get(1).target()).isEqualTo(new OperationTarget("counters", "7", null, null, "/href"));
		assertThat(operations.get(2).target()).isEqualTo(new OperationTarget("notes", "3", null, "tags", "/href"));
		assertThat(operations.get(2).targetsRelationship()).isTrue();
		assertThat(operations.get(2).pointer()).isEqualTo("/atomic:operations/2");
	}

	@Test
	void anHrefToAnotherServerOrOutsideTheApiIsRefused() {
		for (String href : new String[] { "http://evil.example/api/counters/7", "//evil.example/api/counters/7",
				"https://example.com/api/counters/7", "http://example.com:8080/api/counters/7",
				"http://example.com.evil.example/api/counters/7", "http://user@evil.example/api/counters/7",
				"/counters/7", "/elsewhere/api/counters/7", "/api/../counters/7", "../counters/7", "/apix/counters/7",
				"mailto:x@example.com" }) {
			assertThat(pointerOfFailure("{'atomic:operations': [{'op': 'remove', 'href': '" + href + "'}]}"))
				.as(href)
				.isEqualTo("/atomic:operations/0/href");
		}
	}

	@Test
	void anHrefUnderAContextPathMustCarryIt() {
		ApiUrls api = new ApiUrls("http://example.com/ctx/api");
		List<AtomicOperation> operations = this.documents.operations(
				document("{'atomic:operations': [{'op': 'remove', 'href': 'http://example.com/ctx/api/counters/7'}]}"),
				10, api);

		assertThat(operations.get(0).target()).isEqualTo(new OperationTarget("counters", "7", null, null, "/href"));
		assertThatExceptionOfType(JsonApiException.class).isThrownBy(() -> this.documents
			.operations(document("{'atomic:operations': [{'op': 'remove', 'href': '/api/counters/7'}]}"), 10, api));
	}

	@Test
	void anHrefThatNamesNothingServedIsRefused() {
		assertThat(pointerOfFailure("{'atomic:operations': [{'op': 'remove', 'href': '/api/notes/3/tags/4'}]}"))
			.isEqualTo("/atomic:operations/0/href");
		assertThat(pointerOfFailure("{'atomic:operations': [{'op': 'remove', 'href': '/api//3'}]}"))
			.isEqualTo("/atomic:operations/0/href");
	}

	@Test
	void localIdsMustBeAssignedBeforeUseInRefsAndLinkage() {
		assertThat(pointerOfFailure("""
				{'atomic:operations': [
				  {'op': 'add', 'data': {'type': 'computers', 'relationships': {'owner': {'data': {'type': 'people', 'lid': 'p'}}}}},
				  {'op': 'add', 'data': {'type': 'people', 'lid': 'p'}}]}"""))
			.isEqualTo("/atomic:operations/0/data/relationships/owner/data/lid");
		assertThat(pointerOfFailure("""
				{'atomic:operations': [
				  {'op': 'add', 'data': {'type': 'people', 'lid': 'p'}},
				  {'op': 'add', 'ref': {'type': 'notes', 'id': '1', 'relationship': 'tags'}, 'data': [{'type': 'tags', 'lid': 'p'}]}]}"""))
			.as("local ids are per type")
			.isEqualTo("/atomic:operations/1/data/0/lid");
		assertThat(read("""
				{'atomic:operations': [
				  {'op': 'add', 'data': {'type': 'people', 'lid': 'p'}},
				  {'op': 'add', 'data': {'type': 'computers', 'relationships': {'owner': {'data': {'type': 'people', 'lid': 'p'}}}}},
				  {'op': 'remove', 'ref': {'type': 'people', 'lid': 'p'}}]}""")).hasSize(3);
	}

	@Test
	void relationshipOperationsNeedLinkageOfTheirShape() {
		assertThat(pointerOfFailure("""
				{'atomic:operations': [{'op': 'add', 'ref': {'type': 'notes', 'id': '1', 'relationship': 'tags'},
				  'data': {'type': 'tags', 'id': '2'}}]}""")).isEqualTo("/atomic:operations/0/data");
		assertThat(pointerOfFailure("""
				{'atomic:operations': [{'op': 'update', 'ref': {'type': 'notes', 'id': '1', 'relationship': 'tags'}}]}"""))
			.isEqualTo("/atomic:operations/0");
		assertThat(read("""
				{'atomic:operations': [{'op': 'update', 'ref': {'type': 'computers', 'id': '1', 'relationship': 'owner'},
				  'data': null}]}""").get(0).data().isNull()).isTrue();
	}

	@Test
	void theDocumentMayNotCarryPrimaryDataOrUnknownMembers() {
		assertThat(pointerOfFailure("{'included': [], 'atomic:operations': [{'op': 'remove'}]}")).isEqualTo("/included");
		assertThat(pointerOfFailure("{'atomic:results': [], 'atomic:operations': [{'op': 'remove'}]}"))
			.isEqualTo("/atomic:results");
		assertThat(pointerOfFailure("{'atomic:operations': [{'op': 'remove', 'ref': {'type': 't', 'id': '1', 'x': 1}}]}"))
			.isEqualTo("/atomic:operations/0/ref/x");
	}

}
