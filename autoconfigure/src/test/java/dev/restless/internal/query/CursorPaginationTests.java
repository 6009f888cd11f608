package dev.restless.internal.query;

import java.util.List;

import dev.restless.internal.error.ErrorObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CursorPaginationTests {

	@Test
	void theProfilesErrorsCarryTheirTypeLinkAsOneString() {
		List<ErrorObject> errors = List.of(CursorPagination.unsupportedSort("no"),
				CursorPagination.maxSizeExceeded("page[size]", 500, 100, "less"), CursorPagination.rangeNotSupported());

		assertThat(errors).extracting((error) -> error.links().get("type"))
			.containsExactly(CursorPagination.PROFILE + "/unsupported-sort",
					CursorPagination.PROFILE + "/max-size-exceeded",
					CursorPagination.PROFILE + "/range-pagination-not-supported");
	}

}
