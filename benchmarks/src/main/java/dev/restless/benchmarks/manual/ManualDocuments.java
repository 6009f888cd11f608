package dev.restless.benchmarks.manual;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.restless.benchmarks.Computer;
import dev.restless.benchmarks.Person;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Writes the JSON:API documents of the hand-written baseline: the same documents Restless
 * produces for the same requests, written field by field.
 */
@Component
class ManualDocuments {

	private final ObjectMapper mapper;

	ManualDocuments(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	ObjectNode document() {
		ObjectNode document = this.mapper.createObjectNode();
		document.putObject("jsonapi").put("version", "1.1");
		return document;
	}

	/**
	 * The cursor of a person in the default order, written as Restless writes it: the sort keys
	 * (here only the id) as a JSON array, in unpadded base64url.
	 */
	static String cursor(long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("[" + id + "]").getBytes(StandardCharsets.UTF_8));
	}

	/** The id inside a cursor, or {@code null} when it is not one. */
	static Long cursorId(String cursor) {
		try {
			String keys = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (keys.length() < 3 || keys.charAt(0) != '[' || keys.charAt(keys.length() - 1) != ']') {
				return null;
			}
			return Long.valueOf(keys.substring(1, keys.length() - 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	ObjectNode person(String base, Person person, List<Long> computerIds) {
		String self = base + "/people/" + person.getId();
		ObjectNode node = this.mapper.createObjectNode();
		node.put("type", "people");
		node.put("id", person.getId().toString());
		ObjectNode attributes = node.putObject("attributes");
		attributes.put("name", person.getName());
		attributes.put("email", person.getEmail());
		attributes.put("age", person.getAge());
		attributes.put("birthDate", (person.getBirthDate() != null) ? person.getBirthDate().toString() : null);
		attributes.put("city", person.getCity());
		attributes.put("active", person.isActive());
		ObjectNode computers = node.putObject("relationships").putObject("computers");
		computers.putObject("links").put("self", self + "/relationships/computers").put("related", self + "/computers");
		ArrayNode data = computers.putArray("data");
		for (Long id : computerIds) {
			data.addObject().put("type", "computers").put("id", id.toString());
		}
		node.putObject("links").put("self", self);
		node.putObject("meta").put("version", person.getVersion());
		return node;
	}

	ObjectNode computer(String base, Computer computer, Long ownerId) {
		String self = base + "/computers/" + computer.getId();
		ObjectNode node = this.mapper.createObjectNode();
		node.put("type", "computers");
		node.put("id", computer.getId().toString());
		ObjectNode attributes = node.putObject("attributes");
		attributes.put("name", computer.getName());
		attributes.put("vendor", computer.getVendor());
		attributes.put("price", computer.getPrice());
		attributes.put("purchaseDate",
				(computer.getPurchaseDate() != null) ? computer.getPurchaseDate().toString() : null);
		ObjectNode owner = node.putObject("relationships").putObject("owner");
		owner.putObject("links").put("self", self + "/relationships/owner").put("related", self + "/owner");
		if (ownerId == null) {
			owner.putNull("data");
		}
		else {
			owner.putObject("data").put("type", "people").put("id", ownerId.toString());
		}
		node.putObject("links").put("self", self);
		return node;
	}

	ObjectNode people(String base, List<Person> people, Map<Long, List<Long>> computers) {
		ObjectNode document = document();
		ArrayNode data = document.putArray("data");
		for (Person person : people) {
			data.add(person(base, person, computers.getOrDefault(person.getId(), List.of())));
		}
		return document;
	}

	ObjectNode error(int status, String title, String detail) {
		ObjectNode document = document();
		document.putArray("errors").addObject().put("status", Integer.toString(status)).put("title", title)
			.put("detail", detail);
		return document;
	}

}
