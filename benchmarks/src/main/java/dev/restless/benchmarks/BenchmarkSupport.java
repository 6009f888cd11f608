package dev.restless.benchmarks;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.restless.internal.query.CursorCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seeds the database once (it keeps its data between runs) and answers the load script's
 * questions: how many SQL statements ran since it last asked and how much the request threads
 * have allocated. Its reset also removes what POST added through the Elide application, which
 * shares the tables and their sequences.
 */
@RestController
@RequestMapping("/bench")
class BenchmarkSupport implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(BenchmarkSupport.class);

	private final JdbcTemplate jdbc;

	private final CursorCodec cursors;

	private final int people;

	private final int computersPerPerson;

	BenchmarkSupport(DataSource dataSource, ObjectMapper mapper, @Value("${bench.people:100000}") int people,
			@Value("${bench.computers-per-person:3}") int computersPerPerson) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.cursors = new CursorCodec(mapper);
		this.people = people;
		this.computersPerPerson = computersPerPerson;
	}

	@GetMapping("/sql")
	Map<String, Long> sql() {
		return Map.of("statements", SqlStatements.takeCount());
	}

	/**
	 * Bytes allocated so far by each request thread, by thread id: the benchmark reads it before
	 * and after a run and divides the difference by the requests served.
	 */
	@GetMapping("/alloc")
	Map<String, Map<String, Long>> alloc() {
		return Map.of("threads", RequestThreadAllocation.snapshot());
	}

	/**
	 * Restless's cursor of the person with an id in the default order (by id), so the cursor
	 * scenario can start deep in the collection without paging there first.
	 */
	@GetMapping("/cursor")
	Map<String, String> cursor(@RequestParam long id) {
		return Map.of("cursor", this.cursors.encode(List.of(id)));
	}

	/**
	 * Bring the tables back to their seeded state between runs, outside the measurement: remove
	 * what the POST scenario added and, on PostgreSQL, vacuum away the row versions that POST and
	 * PATCH left behind, so a later run does not count over dead rows.
	 * @return the number of people removed
	 */
	@PostMapping("/reset")
	Map<String, Integer> reset() {
		this.jdbc.update("delete from bench_computer where id > ? or owner_id > ?",
				(long) this.people * this.computersPerPerson, this.people);
		int removed = this.jdbc.update("delete from bench_person where id > ?", this.people);
		if (isPostgreSql()) {
			this.jdbc.execute("vacuum analyze bench_person, bench_computer");
		}
		return Map.of("removed", removed);
	}

	private boolean isPostgreSql() {
		return "PostgreSQL".equals(this.jdbc.execute(
				(org.springframework.jdbc.core.ConnectionCallback<String>) (c) -> c.getMetaData().getDatabaseProductName()));
	}

	@GetMapping("/size")
	Map<String, Integer> size() {
		return Map.of("people", this.people, "computers", this.people * this.computersPerPerson);
	}

	@Override
	public void run(ApplicationArguments args) {
		reset();
		Long existing = this.jdbc.queryForObject("select count(*) from bench_person where id <= ?", Long.class,
				this.people);
		Long computers = this.jdbc.queryForObject("select count(*) from bench_computer", Long.class);
		if (existing != null && existing == this.people && computers != null
				&& computers >= (long) this.people * this.computersPerPerson) {
			logger.info("Benchmark data present: " + this.people + " people");
			return;
		}
		logger.info("Seeding " + this.people + " people and " + this.people * this.computersPerPerson + " computers");
		this.jdbc.execute("delete from bench_computer");
		this.jdbc.execute("delete from bench_person");
		int computerCount = this.people * this.computersPerPerson;
		if (isPostgreSql()) {
			this.jdbc.update("""
					insert into bench_person (id, name, email, age, birth_date, city, active, version)
					select g, 'Person ' || g, 'person' || g || '@example.com', 18 + g % 70,
					       date '1950-01-01' + g % 20000, (array['Paris','Berlin','Lisbon','Oslo','Rome'])[1 + g % 5],
					       g % 3 <> 0, 0
					from generate_series(1, ?) g""", this.people);
			this.jdbc.update("""
					insert into bench_computer (id, name, vendor, price, purchase_date, owner_id)
					select g, 'Computer ' || g, (array['Apple','Dell','Lenovo'])[1 + g % 3], 500 + g % 2000,
					       date '2015-01-01' + g % 3000, 1 + (g - 1) % ?
					from generate_series(1, ?) g""", this.people, computerCount);
			this.jdbc.execute("select setval('bench_person_seq', " + (this.people + 1000) + ")");
			this.jdbc.execute("select setval('bench_computer_seq', " + (computerCount + 1000) + ")");
			this.jdbc.execute("vacuum analyze bench_person, bench_computer");
		}
		else {
			this.jdbc.update("""
					insert into bench_person (id, name, email, age, birth_date, city, active, version)
					select x, 'Person ' || x, 'person' || x || '@example.com', 18 + mod(x, 70),
					       dateadd('DAY', mod(x, 20000), date '1950-01-01'),
					       case mod(x, 5) when 0 then 'Paris' when 1 then 'Berlin' when 2 then 'Lisbon' when 3 then 'Oslo' else 'Rome' end,
					       mod(x, 3) <> 0, 0
					from system_range(1, ?)""", this.people);
			this.jdbc.update("""
					insert into bench_computer (id, name, vendor, price, purchase_date, owner_id)
					select x, 'Computer ' || x, case mod(x, 3) when 0 then 'Apple' when 1 then 'Dell' else 'Lenovo' end,
					       500 + mod(x, 2000), dateadd('DAY', mod(x, 3000), date '2015-01-01'), 1 + mod(x - 1, ?)
					from system_range(1, ?)""", this.people, computerCount);
			this.jdbc.execute("alter sequence bench_person_seq restart with " + (this.people + 1000));
			this.jdbc.execute("alter sequence bench_computer_seq restart with " + (computerCount + 1000));
		}
		logger.info("Seeded");
	}

}
