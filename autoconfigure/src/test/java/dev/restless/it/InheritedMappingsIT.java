package dev.restless.it;

import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import org.junit.jupiter.api.Test;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities that inherit their mapping: from a {@code @MappedSuperclass} (id, version and an
 * attribute declared once for many entities) and from the root of a single-table hierarchy whose
 * subclasses are exposed as collections of their own.
 */
class InheritedMappingsIT extends ApiIntegrationTest {

	private ApiResponse createInvoice(String reference, String amount) {
		return this.api.post("/api/invoices", json("{'data': {'type': 'invoices', 'attributes': {'reference': '"
				+ reference + "', 'amount': " + amount + "}}}"));
	}

	@Test
	void attributesIdAndVersionFromAMappedSuperclassAreServedLikeTheEntitysOwn() {
		ApiResponse created = createInvoice("INV-1", "12.50");
		createInvoice("INV-2", "99.00");
		String id = created.at("/data/id").asString();

		ApiResponse read = this.api.get("/api/invoices/" + id);
		ApiResponse filtered = this.api.get("/api/invoices?filter%5Breference%5D=INV-2&sort=-reference");

		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(read.at("/data/attributes/reference").asString()).isEqualTo("INV-1");
		assertThat(read.at("/data/attributes/amount").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(read.at("/data/attributes").has("version")).as("the version is meta, not an attribute").isFalse();
		assertThat(read.header("ETag")).isNotBlank();
		assertThat(filtered.at("/data").size()).isOne();
		assertThat(filtered.at("/data/0/attributes/reference").asString()).isEqualTo("INV-2");
	}

	@Test
	void aWriteChecksTheVersionDeclaredInTheMappedSuperclass() {
		String id = createInvoice("INV-1", "12.50").at("/data/id").asString();
		String etag = this.api.get("/api/invoices/" + id).header("ETag");
		String change = json("{'data': {'type': 'invoices', 'id': '" + id + "', 'attributes': {'amount': 13}}}");

		ApiResponse first = this.api.exchange("PATCH", "/api/invoices/" + id, change, "Content-Type",
				"application/vnd.api+json", "If-Match", etag);
		ApiResponse stale = this.api.exchange("PATCH", "/api/invoices/" + id, change, "Content-Type",
				"application/vnd.api+json", "If-Match", etag);

		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.header("ETag")).isNotEqualTo(etag);
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void eachExposedSubclassOfASingleTableHierarchyServesOnlyItsOwnRows() {
		ApiResponse car = this.api.post("/api/cars",
				json("{'data': {'type': 'cars', 'attributes': {'name': 'Beetle', 'doors': 2}}}"));
		ApiResponse bike = this.api.post("/api/bikes",
				json("{'data': {'type': 'bikes', 'attributes': {'name': 'Brompton', 'gears': 6}}}"));
		String carId = car.at("/data/id").asString();

		ApiResponse cars = this.api.get("/api/cars");
		ApiResponse carAsBike = this.api.get("/api/bikes/" + carId);
		ApiResponse bikes = this.api.get("/api/bikes?filter%5Bname%5D=Beetle");

		assertThat(car.status()).as(car.text()).isEqualTo(201);
		assertThat(bike.status()).as(bike.text()).isEqualTo(201);
		assertThat(cars.at("/data").size()).isOne();
		assertThat(cars.at("/data/0/attributes/name").asString()).isEqualTo("Beetle");
		assertThat(cars.at("/data/0/attributes/doors").asInt()).isEqualTo(2);
		assertThat(cars.at("/meta/total").asInt()).isOne();
		assertThat(carAsBike.status()).isEqualTo(404);
		assertThat(bikes.at("/data").size()).isZero();
	}

}
