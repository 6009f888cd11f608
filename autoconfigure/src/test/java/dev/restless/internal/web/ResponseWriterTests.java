package dev.restless.internal.web;

import dev.restless.internal.service.JsonApiResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseWriterTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ResponseWriter writer = new ResponseWriter(this.mapper);

	@Test
	void acceptIsAddedToWhatTheResponseAlreadyVariesOn() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.addHeader("Vary", "Origin");
		response.addHeader("Vary", "Access-Control-Request-Method");

		this.writer.write(JsonApiResponse.noContent(), ContentNegotiation.JSON_API, response);

		assertThat(response.getHeaders("Vary")).containsExactly("Origin", "Access-Control-Request-Method", "Accept");
	}

	@Test
	void acceptIsNotAddedTwice() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.addHeader("Vary", "Origin, accept");

		this.writer.write(JsonApiResponse.noContent(), ContentNegotiation.JSON_API, response);

		assertThat(response.getHeaders("Vary")).containsExactly("Origin, accept");
	}

	@Test
	void theDocumentGoesOutWithItsLengthAndTheMediaTypeTheResponseNamesOrElseTheGivenOne() {
		MockHttpServletResponse named = new MockHttpServletResponse();
		MockHttpServletResponse unnamed = new MockHttpServletResponse();
		String profiled = ContentNegotiation.JSON_API + ";profile=\"https://example.com/p\"";

		this.writer.write(new JsonApiResponse(200, this.mapper.createObjectNode().put("a", 1),
				Map.of("Content-Type", profiled, "ETag", "\"x\"")), ContentNegotiation.JSON_API, named);
		this.writer.write(JsonApiResponse.ok(this.mapper.createObjectNode().put("a", 1)), ContentNegotiation.JSON_API,
				unnamed);

		assertThat(named.getContentType()).isEqualTo(profiled);
		assertThat(named.getHeader("ETag")).isEqualTo("\"x\"");
		assertThat(named.getContentLength()).isEqualTo("{\"a\":1}".length());
		assertThat(unnamed.getContentType()).isEqualTo(ContentNegotiation.JSON_API.toString());
		assertThat(unnamed.getStatus()).isEqualTo(200);
	}

}
