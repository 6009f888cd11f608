package dev.restless.benchmarks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Serves one model three ways in one JVM, over one database and one connection pool: Restless at
 * {@code /api}, Spring Data REST at {@code /sdr} and hand-written controllers at {@code /manual}.
 */
@SpringBootApplication
public class BenchmarkApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkApplication.class, args);
	}

}
