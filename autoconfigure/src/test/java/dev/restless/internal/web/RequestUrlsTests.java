package dev.restless.internal.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestUrlsTests {

	@Test
	void aQueryPercentEncodesWhatAUriQueryCannotHold() {
		assertThat(RequestUrls.uriQuery("page[size]=2&page[number]=3")).isEqualTo("page%5Bsize%5D=2&page%5Bnumber%5D=3");
		assertThat(RequestUrls.uriQuery("a=|^`{}\"<> \\")).isEqualTo("a=%7C%5E%60%7B%7D%22%3C%3E%20%5C");
		assertThat(RequestUrls.uriQuery("name=Zoë")).isEqualTo("name=Zo%C3%AB");
		assertThat(RequestUrls.uriQuery("a=100%&b=%zz")).isEqualTo("a=100%25&b=%25zz");
	}

	@Test
	void aValidQueryIsKeptAsTheClientSentIt() {
		String query = "filter%5Bname%5D=Ada%20L&sort=-name,age&x=a/b?c:d@e!$'()*+;=~._-";

		assertThat(RequestUrls.uriQuery(query)).isSameAs(query);
	}

}
