package dev.restless.benchmarks.elide;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the load script's questions about this application: how many SQL statements ran since
 * it last asked, and how much its request threads have allocated. The data is the main
 * application's: it seeds the tables and its {@code /bench/reset} removes what POST added here too.
 */
@RestController
@RequestMapping("/bench")
class BenchmarkSupport {

	@GetMapping("/sql")
	Map<String, Long> sql() {
		return Map.of("statements", SqlStatements.takeCount());
	}

	@GetMapping("/alloc")
	Map<String, Map<String, Long>> alloc() {
		return Map.of("threads", RequestThreadAllocation.snapshot());
	}

}
