package dev.restless.internal.document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.restless.internal.error.JsonApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestDocumentsTest {

	private final RequestDocuments documents = new RequestDocuments(JsonMapper.builder().build());

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private JsonApiException refusal(byte[] body) {
		return assertThatExceptionOfType(JsonApiException.class).isThrownBy(() -> this.documents.parse(body)).actual();
	}

	@Test
	void bytesThatAreNotStrictUtf8AreRefused() {
		// an overlong '/', an overlong NUL, an encoded surrogate, a byte UTF-8 never uses, a cut sequence
		for (String invalid : new String[] { "\u00c0\u00af", "\u00c0\u0080", "\u00ed\u00a0\u0080", "\u00fe",
				"\u00e2\u0082" }) {
			JsonApiException error = refusal(latin1("{\"data\": \"a" + invalid + "\"}"));

			assertThat(error.status()).isEqualTo(400);
			assertThat(error.errors().get(0).detail()).contains("UTF-8").contains("at byte 11");
		}
	}

	@Test
	void utf16AndUtf32AreRefusedAndAUtf8ByteOrderMarkIsIgnored() {
		for (String encoding : new String[] { "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE" }) {
			assertThat(refusal("{\"data\": null}".getBytes(Charset.forName(encoding))).status()).as(encoding)
				.isEqualTo(400);
		}
		assertThat(this.documents.parse(latin1("\u00ef\u00bb\u00bf{\"data\": null}")).has("data")).isTrue();
	}

	@Test
	void aLoneSurrogateInAStringOrAMemberNameIsRefusedWithItsPointer() {
		assertThat(refusal(latin1("{\"data\": {\"attributes\": {\"name\": \"\\ud800\"}}}")).errors().get(0).source()
			.pointer()).isEqualTo("/data/attributes/name");
		assertThat(refusal(latin1("{\"data\": [\"ok\", \"\\udc00\\ud800\"]}")).errors().get(0).source().pointer())
			.isEqualTo("/data/1");
		assertThat(refusal(latin1("{\"meta\": {\"a/\\udbff\": 1}}")).errors().get(0).source().pointer())
			.isEqualTo("/meta/a~1\udbff");
		assertThat(this.documents.parse(latin1("{\"data\": \"\\ud83d\\ude00\"}")).get("data").asString())
			.isEqualTo("\ud83d\ude00");
		assertThat(this.documents.parse("{\"data\": \"\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8)).get("data")
			.asString()).isEqualTo("\ud83d\ude00");
	}

}
