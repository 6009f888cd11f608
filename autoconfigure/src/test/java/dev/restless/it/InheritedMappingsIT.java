package dev.restless.it;

import java.util.List;

import dev.restless.it.app.Book;
import dev.restless.it.app.Employee;
import dev.restless.it.app.Intern;
import dev.restless.it.app.Manager;
import dev.restless.it.app.Product;
import dev.restless.it.support.ApiIntegrationTest;
import dev.restless.it.support.ApiResponse;
import dev.restless.it.support.JsonApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.restless.it.support.JsonApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entities that inherit their mapping: from a {@code @MappedSuperclass} (id, version and an
 * attribute declared once for many entities) and from the root of a single-table or joined
 * hierarchy whose subclasses are exposed as collections of their own. A row has one identity: the
 * nearest exposed type of its own class.
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

	@Test
	void aSuperclassCollectionListsEachRowAsAResourceOfItsOwnType() {
		Employee employee = new Employee("Eve");
		Manager manager = new Manager("Max", 3);
		Intern intern = new Intern("Ian", "Polytechnique");
		Product product = new Product("Lamp");
		Book book = new Book("Dune", "978-0441013593");
		this.fixtures.persist(employee, manager, intern, product, book);

		ApiResponse employees = this.api.get("/api/employees?sort=name");
		ApiResponse products = this.api.get("/api/products?sort=name");
		ApiResponse managerFields = this.api.get("/api/employees?sort=name&fields%5Bmanagers%5D=name");

		assertThat(employees.status()).as(employees.text()).isEqualTo(200);
		assertThat(employees.at("/meta/total").asInt()).isEqualTo(3);
		assertResource(employees.at("/data/0"), "employees", employee.getId(), "Eve");
		assertResource(employees.at("/data/1"), "employees", intern.getId(), "Ian");
		assertThat(employees.at("/data/1/attributes").has("school")).as("not exposed, rendered as an employee")
			.isFalse();
		assertResource(employees.at("/data/2"), "managers", manager.getId(), "Max");
		assertThat(employees.at("/data/2/attributes/reports").asInt()).isEqualTo(3);
		assertThat(managerFields.at("/data/2/attributes").has("reports")).isFalse();
		assertThat(products.status()).as(products.text()).isEqualTo(200);
		assertResource(products.at("/data/0"), "books", book.getId(), "Dune");
		assertThat(products.at("/data/0/attributes/isbn").asString()).isEqualTo("978-0441013593");
		assertResource(products.at("/data/1"), "products", product.getId(), "Lamp");
	}

	@Test
	void linkageAndIncludedResourcesNameTheTypeEachRowIsServedUnder() {
		Manager max = new Manager("Max", 3);
		Employee eve = new Employee("Eve");
		Employee ann = new Employee("Ann");
		this.fixtures.persist(max, ann);
		eve.setMentor(max);
		this.fixtures.persist(eve);
		Employee bob = new Employee("Bob");
		bob.setMentor(ann);
		this.fixtures.persist(bob);
		Manager mia = new Manager("Mia", 1);
		mia.setMentor(ann);
		this.fixtures.persist(mia);

		ApiResponse mentee = this.api.get("/api/employees/" + eve.getId() + "?include=mentor");
		ApiResponse mentor = this.api.get("/api/employees/" + ann.getId());
		ApiResponse linkage = this.api.get("/api/employees/" + eve.getId() + "/relationships/mentor");

		assertThat(mentee.status()).as(mentee.text()).isEqualTo(200);
		assertThat(mentee.at("/data/relationships/mentor/data/type").asString()).isEqualTo("managers");
		assertThat(mentee.at("/data/relationships/mentor/data/id").asString()).isEqualTo(max.getId().toString());
		assertResource(mentee.at("/included/0"), "managers", max.getId(), "Max");
		assertThat(mentor.status()).as(mentor.text()).isEqualTo(200);
		List<String> mentees = new java.util.ArrayList<>();
		for (JsonNode identifier : mentor.at("/data/relationships/mentees/data")) {
			mentees.add(identifier.get("type").asString() + "/" + identifier.get("id").asString());
		}
		assertThat(mentees).containsExactlyInAnyOrder("employees/" + bob.getId(), "managers/" + mia.getId());
		assertThat(linkage.status()).as(linkage.text()).isEqualTo(200);
		assertThat(linkage.at("/data/type").asString()).isEqualTo("managers");
		assertThat(this.api.get("/api/managers/" + max.getId()).status()).isEqualTo(200);
	}

	private static void assertResource(JsonNode resource, String type, Long id, String name) {
		assertThat(resource.get("type").asString()).isEqualTo(type);
		assertThat(resource.get("id").asString()).isEqualTo(id.toString());
		assertThat(resource.at("/attributes/name").asString()).isEqualTo(name);
		assertThat(resource.at("/links/self").asString()).endsWith("/api/" + type + "/" + id);
	}

	@Test
	void aSubclassRowIsNotFoundThroughTheUrlOfItsSuperclass() {
		Manager manager = new Manager("Max", 3);
		Intern intern = new Intern("Ian", "Polytechnique");
		Book book = new Book("Dune", "978-0441013593");
		this.fixtures.persist(manager, intern, book);

		for (String path : List.of("/api/employees/" + manager.getId(), "/api/products/" + book.getId())) {
			String type = path.split("/")[2];
			String id = path.split("/")[3];
			String change = json("{'data': {'type': '" + type + "', 'id': '" + id + "', 'attributes': {'name': 'X'}}}");
			String removal = json("{'atomic:operations': [{'op': 'remove', 'ref': {'type': '" + type + "', 'id': '"
					+ id + "'}}]}");

			ApiResponse read = this.api.get(path);
			ApiResponse updated = this.api.patch(path, change);
			ApiResponse deleted = this.api.delete(path);
			ApiResponse removed = this.api.exchange("POST", "/api/operations", removal, "Content-Type",
					JsonApiClient.ATOMIC, "Accept", JsonApiClient.ATOMIC);

			assertThat(read.status()).as(read.text()).isEqualTo(404);
			assertThat(updated.status()).as(updated.text()).isEqualTo(404);
			assertThat(deleted.status()).as(deleted.text()).isEqualTo(404);
			assertThat(removed.status()).as(removed.text()).isEqualTo(404);
		}
		ApiResponse asManager = this.api.get("/api/managers/" + manager.getId());
		ApiResponse asBook = this.api.get("/api/books/" + book.getId());
		ApiResponse internAsEmployee = this.api.get("/api/employees/" + intern.getId());

		assertThat(asManager.at("/data/attributes/name").asString()).isEqualTo("Max");
		assertThat(asBook.at("/data/attributes/name").asString()).isEqualTo("Dune");
		assertThat(internAsEmployee.status()).as(internAsEmployee.text()).isEqualTo(200);
		assertThat(internAsEmployee.at("/data/type").asString()).isEqualTo("employees");
		assertThat(this.fixtures.count(Manager.class)).isOne();
		assertThat(this.fixtures.count(Book.class)).isOne();
	}

	@Test
	void anExposedAbstractBaseListsTheRowsOfItsSubclassesAsTheirOwnTypes() {
		String carId = this.api.post("/api/cars", json("{'data': {'type': 'cars', 'attributes': {'name': 'Beetle'}}}"))
			.at("/data/id")
			.asString();
		this.api.post("/api/bikes", json("{'data': {'type': 'bikes', 'attributes': {'name': 'Brompton'}}}"));

		ApiResponse vehicles = this.api.get("/api/vehicles?sort=name");
		ApiResponse carAsVehicle = this.api.get("/api/vehicles/" + carId);
		ApiResponse created = this.api.post("/api/vehicles",
				json("{'data': {'type': 'vehicles', 'attributes': {'name': 'Cart'}}}"));

		assertThat(vehicles.status()).as(vehicles.text()).isEqualTo(200);
		assertThat(vehicles.at("/data/0/type").asString()).isEqualTo("cars");
		assertThat(vehicles.at("/data/0/links/self").asString()).endsWith("/api/cars/" + carId);
		assertThat(vehicles.at("/data/1/type").asString()).isEqualTo("bikes");
		assertThat(carAsVehicle.status()).isEqualTo(404);
		assertThat(created.status()).isEqualTo(405);
	}

}
