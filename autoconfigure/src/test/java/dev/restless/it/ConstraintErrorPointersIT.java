package dev.restless.it;

import dev.restless.it.app.Voucher;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import dev.restless.it.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A constraint only the database enforces (no Bean Validation) is reported at the attribute it
 * constrains when its column or unique key stores one exposed attribute, and at nothing when it
 * is hidden.
 */
class ConstraintErrorPointersIT extends ApiIntegrationTest {

	private ApiResponse postVoucher(String attributes) {
		return this.api.post("/api/vouchers", json("{'data': {'type': 'vouchers', 'attributes': " + attributes + "}}"));
	}

	private static void assertAt(ApiResponse response, int status, String attribute) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		JsonNode error = response.firstError();
		assertThat(error.at("/source/pointer").asString()).isEqualTo("/data/attributes/" + attribute);
		assertThat(error.get("detail").asString()).contains("'" + attribute + "'");
		assertNamesNoSchema(response);
	}

	private static void assertNamesNoSchema(ApiResponse response) {
		assertThat(response.text().toLowerCase()).doesNotContain("voucher_")
			.doesNotContain("uk_")
			.doesNotContain("constraint")
			.doesNotContain("normalized")
			.doesNotContain("varying");
	}

	@Test
	void aUniqueViolationPointsAtTheAttributeOfItsColumnOrOfItsOneColumnConstraint() {
		postVoucher("{'code': 'A1', 'serial': 'S-1'}");

		ApiResponse sameCode = postVoucher("{'code': 'A1', 'serial': 'S-2'}");
		ApiResponse sameSerial = postVoucher("{'code': 'B1', 'serial': 'S-1'}");
		ApiResponse inOperation = this.api.exchange("POST", "/api/operations",
				json("{'atomic:operations': [{'op': 'add', 'data': {'type': 'vouchers', 'attributes': "
						+ "{'code': 'A1'}}}]}"),
				"Content-Type", JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);

		assertAt(sameCode, 409, "code");
		assertAt(sameSerial, 409, "serial");
		assertThat(inOperation.status()).as(inOperation.text()).isEqualTo(409);
		assertThat(inOperation.firstError().at("/source/pointer").asString())
			.isEqualTo("/atomic:operations/0/data/attributes/code");
		assertThat(this.fixtures.count(Voucher.class)).isOne();
	}

	@Test
	void aMissingRequiredValuePointsAtItsAttribute() {
		ApiResponse response = postVoucher("{'serial': 'S-1'}");

		assertAt(response, 422, "code");
		assertThat(this.fixtures.count(Voucher.class)).isZero();
	}

	@Test
	void aValueTooLongOrOutOfRangePointsAtItsAttributeWhereTheDatabaseNamesTheColumn() {
		ApiResponse tooLong = postVoucher("{'code': 'ABCDEFGHIJ'}");
		ApiResponse outOfRange = postVoucher("{'code': 'A1', 'amount': 12345.67}");

		if (database() == TestDatabase.POSTGRESQL) {
			// PostgreSQL names the type of the column, not the column.
			assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(422);
			assertThat(outOfRange.status()).as(outOfRange.text()).isEqualTo(422);
			assertNamesNoSchema(tooLong);
			assertNamesNoSchema(outOfRange);
		}
		else {
			assertAt(tooLong, 422, "code");
			assertAt(outOfRange, 422, "amount");
		}
		assertThat(this.fixtures.count(Voucher.class)).isZero();
	}

	@Test
	void aViolationOfAHiddenColumnNamesNoField() {
		postVoucher("{'code': 'A1', 'label': 'ab'}");

		ApiResponse response = postVoucher("{'code': 'B1', 'label': 'AB'}");

		assertThat(response.status()).as(response.text()).isEqualTo(409);
		assertThat(response.firstError().has("source")).isFalse();
		assertNamesNoSchema(response);
		assertThat(this.fixtures.count(Voucher.class)).isOne();
	}

}
