package dev.restless.benchmarks.elide;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves the benchmark's model (people who own computers) with Elide at {@code /elide}, over the
 * tables of the main benchmark application, which creates and seeds them.
 */
@SpringBootApplication
public class ElideBenchmarkApplication {

	public static void main(String[] args) {
		SpringApplication.run(ElideBenchmarkApplication.class, args);
	}

}
