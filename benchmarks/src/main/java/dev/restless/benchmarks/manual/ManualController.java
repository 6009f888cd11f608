package dev.restless.benchmarks.manual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.benchmarks.Computer;
import dev.restless.benchmarks.Person;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The hand-written baseline: Spring MVC controllers over JPA producing the same JSON:API documents
 * as Restless for the benchmark's requests, with the queries a careful developer would write. It
 * parses only the parameters the scenarios use.
 */
@RestController
@RequestMapping(path = "/manual", produces = "application/vnd.api+json")
class ManualController {

	private final EntityManager entityManager;

	private final ManualDocuments documents;

	private final ObjectMapper mapper;

	private final Validator validator;

	ManualController(EntityManager entityManager, ManualDocuments documents, ObjectMapper mapper, Validator validator) {
		this.entityManager = entityManager;
		this.documents = documents;
		this.mapper = mapper;
		this.validator = validator;
	}

	/** A careful controller validates what it is sent, as Restless does. */
	private ResponseEntity<ObjectNode> invalid(Person person) {
		var violations = this.validator.validate(person);
		if (violations.isEmpty()) {
			return null;
		}
		return ResponseEntity.status(422).body(this.documents.error(422, "Invalid attribute",
				violations.iterator().next().getMessage()));
	}

	private static String base(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/manual").build().toUriString();
	}

	@GetMapping("/people/{id}")
	@Transactional(readOnly = true)
	ResponseEntity<ObjectNode> person(@PathVariable long id, HttpServletRequest request) {
		Person person = this.entityManager.find(Person.class, id);
		if (person == null) {
			return ResponseEntity.status(404).body(this.documents.error(404, "Not found", "No person " + id));
		}
		ObjectNode document = this.documents.document();
		document.set("data", this.documents.person(base(request), person,
				computerIds(List.of(id)).getOrDefault(id, List.of())));
		document.putObject("links").put("self", request.getRequestURL().toString());
		return ResponseEntity.ok().eTag("\"" + person.getVersion() + "\"").body(document);
	}

	@GetMapping("/people")
	@Transactional(readOnly = true)
	ObjectNode people(@RequestParam(name = "page[number]", defaultValue = "1") int number,
			@RequestParam(name = "page[size]", defaultValue = "10") int size,
			@RequestParam(name = "page[after]", required = false) String after,
			@RequestParam(name = "minAge", required = false) Integer minAge,
			@RequestParam(name = "page[total]", defaultValue = "true") boolean countTotal, HttpServletRequest request) {
		if (after != null) {
			Long afterId = ManualDocuments.cursorId(after);
			if (afterId == null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Invalid cursor");
			}
			List<Person> page = this.entityManager
				.createQuery("select p from Person p where p.id > :after order by p.id", Person.class)
				.setParameter("after", afterId)
				.setMaxResults(size + 1)
				.getResultList();
			boolean more = page.size() > size;
			List<Person> rows = more ? page.subList(0, size) : page;
			ObjectNode document = this.documents.people(base(request), rows, computerIds(ids(rows)));
			JsonNode data = document.get("data");
			for (int index = 0; index < rows.size(); index++) {
				((ObjectNode) data.get(index).get("meta")).putObject("page")
					.put("cursor", ManualDocuments.cursor(rows.get(index).getId()));
			}
			ObjectNode links = document.putObject("links");
			links.put("self", request.getRequestURL() + "?" + request.getQueryString());
			links.put("prev", rows.isEmpty() ? null : base(request) + "/people?page%5Bbefore%5D="
					+ ManualDocuments.cursor(rows.get(0).getId()) + "&page%5Bsize%5D=" + size);
			links.put("next", more ? base(request) + "/people?page%5Bafter%5D="
					+ ManualDocuments.cursor(rows.get(rows.size() - 1).getId()) + "&page%5Bsize%5D=" + size : null);
			return document;
		}
		String where = (minAge != null) ? " where p.age > :age" : "";
		String order = (minAge != null) ? " order by p.birthDate desc, p.name asc, p.id asc" : " order by p.id";
		TypedQuery<Person> query = this.entityManager.createQuery("select p from Person p" + where + order,
				Person.class);
		TypedQuery<Long> count = this.entityManager.createQuery("select count(p) from Person p" + where, Long.class);
		if (minAge != null) {
			query.setParameter("age", minAge);
			count.setParameter("age", minAge);
		}
		if (!countTotal) {
			List<Person> page = query.setFirstResult((number - 1) * size).setMaxResults(size + 1).getResultList();
			boolean more = page.size() > size;
			List<Person> rows = more ? page.subList(0, size) : page;
			ObjectNode document = this.documents.people(base(request), rows, computerIds(ids(rows)));
			pagination(document, request, number, size, null, more);
			return document;
		}
		List<Person> rows = query.setFirstResult((number - 1) * size).setMaxResults(size).getResultList();
		long total = count.getSingleResult();
		ObjectNode document = this.documents.people(base(request), rows, computerIds(ids(rows)));
		pagination(document, request, number, size, total);
		return document;
	}

	@GetMapping("/computers")
	@Transactional(readOnly = true)
	ObjectNode computers(@RequestParam(name = "page[number]", defaultValue = "1") int number,
			@RequestParam(name = "page[size]", defaultValue = "10") int size,
			@RequestParam(name = "include", required = false) String include, HttpServletRequest request) {
		List<Computer> rows = this.entityManager
			.createQuery("select c from Computer c order by c.id", Computer.class)
			.setFirstResult((number - 1) * size)
			.setMaxResults(size)
			.getResultList();
		long total = this.entityManager.createQuery("select count(c) from Computer c", Long.class).getSingleResult();
		String base = base(request);
		ObjectNode document = this.documents.document();
		ArrayNode data = document.putArray("data");
		List<Long> ownerIds = new ArrayList<>();
		for (Computer computer : rows) {
			Long ownerId = (computer.getOwner() != null) ? computer.getOwner().getId() : null;
			if (ownerId != null && !ownerIds.contains(ownerId)) {
				ownerIds.add(ownerId);
			}
			data.add(this.documents.computer(base, computer, ownerId));
		}
		if (include != null && !ownerIds.isEmpty()) {
			List<Person> owners = this.entityManager.createQuery("select p from Person p where p.id in :ids", Person.class)
				.setParameter("ids", ownerIds)
				.getResultList();
			List<Computer> owned = this.entityManager
				.createQuery("select c from Computer c where c.owner.id in :ids order by c.id", Computer.class)
				.setParameter("ids", ownerIds)
				.getResultList();
			Map<Long, List<Long>> linkage = new HashMap<>();
			ArrayNode included = document.putArray("included");
			List<Long> primary = rows.stream().map(Computer::getId).toList();
			for (Computer computer : owned) {
				Long ownerId = computer.getOwner().getId();
				linkage.computeIfAbsent(ownerId, (key) -> new ArrayList<>()).add(computer.getId());
			}
			for (Person owner : owners) {
				included.add(this.documents.person(base, owner, linkage.getOrDefault(owner.getId(), List.of())));
			}
			for (Computer computer : owned) {
				if (!primary.contains(computer.getId())) {
					included.add(this.documents.computer(base, computer, computer.getOwner().getId()));
				}
			}
		}
		pagination(document, request, number, size, total);
		return document;
	}

	@PostMapping("/people")
	@Transactional
	ResponseEntity<ObjectNode> create(@RequestBody JsonNode body, HttpServletRequest request) {
		JsonNode attributes = body.at("/data/attributes");
		if (!"people".equals(body.at("/data/type").asString(null))) {
			return ResponseEntity.status(409).body(this.documents.error(409, "Conflict", "Wrong type"));
		}
		Person person = new Person();
		apply(person, attributes);
		ResponseEntity<ObjectNode> invalid = invalid(person);
		if (invalid != null) {
			return invalid;
		}
		this.entityManager.persist(person);
		this.entityManager.flush();
		ObjectNode document = this.documents.document();
		ObjectNode resource = this.documents.person(base(request), person, List.of());
		document.set("data", resource);
		String self = resource.at("/links/self").asString();
		document.putObject("links").put("self", self);
		return ResponseEntity.created(java.net.URI.create(self)).eTag("\"" + person.getVersion() + "\"").body(document);
	}

	@PatchMapping("/people/{id}")
	@Transactional
	ResponseEntity<ObjectNode> update(@PathVariable long id, @RequestBody JsonNode body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest request) {
		Person person = this.entityManager.find(Person.class, id);
		if (person == null) {
			return ResponseEntity.status(404).body(this.documents.error(404, "Not found", "No person " + id));
		}
		if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals("\"" + person.getVersion() + "\"")) {
			return ResponseEntity.status(412).body(this.documents.error(412, "Precondition failed", "Stale ETag"));
		}
		apply(person, body.at("/data/attributes"));
		ResponseEntity<ObjectNode> invalid = invalid(person);
		if (invalid != null) {
			return invalid;
		}
		this.entityManager.flush();
		ObjectNode document = this.documents.document();
		document.set("data", this.documents.person(base(request), person,
				computerIds(List.of(id)).getOrDefault(id, List.of())));
		document.putObject("links").put("self", base(request) + "/people/" + id);
		return ResponseEntity.ok().eTag("\"" + person.getVersion() + "\"").body(document);
	}

	private void apply(Person person, JsonNode attributes) {
		if (attributes.has("name")) {
			person.setName(attributes.get("name").asString());
		}
		if (attributes.has("email")) {
			person.setEmail(attributes.get("email").asString());
		}
		if (attributes.has("age")) {
			person.setAge(attributes.get("age").asInt());
		}
		if (attributes.has("city")) {
			person.setCity(attributes.get("city").asString());
		}
		if (attributes.has("active")) {
			person.setActive(attributes.get("active").asBoolean());
		}
		if (attributes.has("birthDate")) {
			person.setBirthDate(this.mapper.treeToValue(attributes.get("birthDate"), java.time.LocalDate.class));
		}
	}

	private Map<Long, List<Long>> computerIds(List<Long> ownerIds) {
		Map<Long, List<Long>> linkage = new LinkedHashMap<>();
		if (ownerIds.isEmpty()) {
			return linkage;
		}
		List<Object[]> rows = this.entityManager
			.createQuery("select c.owner.id, c.id from Computer c where c.owner.id in :ids order by c.id", Object[].class)
			.setParameter("ids", ownerIds)
			.getResultList();
		for (Object[] row : rows) {
			linkage.computeIfAbsent((Long) row[0], (key) -> new ArrayList<>()).add((Long) row[1]);
		}
		return linkage;
	}

	private static List<Long> ids(List<Person> people) {
		return people.stream().map(Person::getId).toList();
	}

	private static void pagination(ObjectNode document, HttpServletRequest request, int number, int size, long total) {
		pagination(document, request, number, size, total, number < Math.max(1, (total + size - 1) / size));
		document.putObject("meta").put("total", total);
	}

	/** Links of an offset page; without a total, 'last' is null and 'next' comes from an extra row. */
	private static void pagination(ObjectNode document, HttpServletRequest request, int number, int size, Long total,
			boolean hasNext) {
		Long last = (total != null) ? Math.max(1, (total + size - 1) / size) : null;
		String url = request.getRequestURL().toString();
		String others = (request.getQueryString() != null) ? request.getQueryString()
			.replaceAll("(^|&)page(\\[|%5B)(number|size)(\\]|%5D)=[^&]*", "") : "";
		String prefix = url + "?" + (others.isEmpty() ? "" : others.replaceFirst("^&", "") + "&");
		ObjectNode links = document.putObject("links");
		links.put("self", url + ((request.getQueryString() != null) ? "?" + request.getQueryString() : ""));
		links.put("first", prefix + "page%5Bnumber%5D=1&page%5Bsize%5D=" + size);
		links.put("last", (last != null) ? prefix + "page%5Bnumber%5D=" + last + "&page%5Bsize%5D=" + size : null);
		links.put("prev", (number > 1) ? prefix + "page%5Bnumber%5D=" + (number - 1) + "&page%5Bsize%5D=" + size : null);
		links.put("next", hasNext ? prefix + "page%5Bnumber%5D=" + (number + 1) + "&page%5Bsize%5D=" + size : null);
	}

}
