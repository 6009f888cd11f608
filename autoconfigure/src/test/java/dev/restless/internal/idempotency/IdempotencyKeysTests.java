package dev.restless.internal.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTests {

	@Test
	void aKeyIsAStructuredFieldStringOrABareToken() {
		assertThat(IdempotencyKeys.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
			.contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
		assertThat(IdempotencyKeys.parse("order-4711")).contains("order-4711");
		assertThat(IdempotencyKeys.parse(" \"k\" ")).contains("k");
	}

	@Test
	void emptyOverlongEscapedAndNonAsciiKeysAreRefused() {
		assertThat(IdempotencyKeys.parse("\"\"")).isEmpty();
		assertThat(IdempotencyKeys.parse("")).isEmpty();
		assertThat(IdempotencyKeys.parse("k".repeat(256))).isEmpty();
		assertThat(IdempotencyKeys.parse("k".repeat(255))).isPresent();
		assertThat(IdempotencyKeys.parse("\"a\\\"b\"")).isEmpty();
		assertThat(IdempotencyKeys.parse("two words")).isEmpty();
		assertThat(IdempotencyKeys.parse("schlüssel")).isEmpty();
	}

	@Test
	void theFingerprintTellsMethodTargetAndBodyApart() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String fingerprint = IdempotencyKeys.fingerprint("POST", "/api/people", body);

		assertThat(fingerprint).hasSize(64).isEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people", body.clone()));
		assertThat(fingerprint).isNotEqualTo(IdempotencyKeys.fingerprint("PATCH", "/api/people", body))
			.isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people?include=computers", body))
			.isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people", "{ }".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theSameRequestOfAnotherCallerHasAnotherFingerprint() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		String anonymous = IdempotencyKeys.fingerprint("POST", "/api/people", body, null);
		assertThat(anonymous).isEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people", body));
		assertThat(IdempotencyKeys.fingerprint("POST", "/api/people", body, "alice")).isNotEqualTo(anonymous)
			.isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people", body, "bob"))
			.isEqualTo(IdempotencyKeys.fingerprint("POST", "/api/people", body, "alice"));
	}

	@Test
	void theTableNameMustBeAPlainIdentifierAndTheTableSuitsEachDatabase() {
		assertThat(new IdempotencyTable("app.request_keys").createStatements("PostgreSQL")[0]).contains("text");
		assertThat(new IdempotencyTable("request_keys").createStatements("MariaDB")[0]).contains("longtext");
		assertThat(new IdempotencyTable("request_keys").createStatements("H2")[0]).contains("clob");
		assertThat(new IdempotencyTable("app.request_keys").createStatements("H2")[1])
			.startsWith("create index if not exists request_keys_expires on app.request_keys");
		for (String name : new String[] { "keys; drop table x", "1keys", "a.b.c", "" }) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> new IdempotencyTable(name));
		}
	}

}
