package dev.restless.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.restless.internal.error.ErrorObject;
import dev.restless.internal.error.JsonApiException;
import dev.restless.internal.idempotency.Claim;
import dev.restless.internal.idempotency.ClaimResult;
import dev.restless.internal.idempotency.IdempotencyKeys;
import dev.restless.internal.idempotency.IdempotencyStore;
import dev.restless.internal.idempotency.KeyRecord;
import dev.restless.internal.idempotency.StoredResponse;
import dev.restless.internal.persistence.PersistenceErrors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes made at most once with an {@code Idempotency-Key}: the request claims its key before
 * anything else runs (a processor included), its response is recorded in the transaction of the
 * write, and every retry with the same key and the same request gets that response again without
 * the write running twice. The same key with another request is {@code 422}; a retry while the
 * first is still in flight is {@code 409}. A request that fails, with any status, releases its key,
 * since nothing of it was written: a retry runs it again. Without a store (idempotency switched
 * off) the header is ignored.
 */
public final class IdempotentWrites {

	/** The request header. */
	public static final String HEADER = "Idempotency-Key";

	/** The response header that marks a replayed response. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Log logger = LogFactory.getLog(IdempotentWrites.class);

	private final @Nullable IdempotencyStore store;

	private final ObjectMapper mapper;

	/** The claim of the request this thread is executing, which its transaction records. */
	private final ThreadLocal<Claim> current = new ThreadLocal<>();

	/**
	 * Idempotent writes on a store.
	 * @param store the store, or {@code null} when idempotency keys are switched off
	 * @param mapper writes and reads the recorded documents
	 */
	IdempotentWrites(@Nullable IdempotencyStore store, ObjectMapper mapper) {
		this.store = store;
		this.mapper = mapper;
	}

	/**
	 * Run a write at most once for its key.
	 * @param keyHeader the value of the {@code Idempotency-Key} header, or {@code null} when the
	 * request has none
	 * @param method the HTTP method
	 * @param target the request target (path and query)
	 * @param body the request body, empty when there is none
	 * @param caller the name of the authenticated caller, or {@code null}: a key is the caller's
	 * own, so a response is replayed to the caller who wrote it only
	 * @param write the write
	 * @return the write's response, or the response recorded for the key
	 */
	public JsonApiResponse execute(@Nullable String keyHeader, String method, String target, byte[] body,
			@Nullable String caller, Supplier<JsonApiResponse> write) {
		IdempotencyStore keys = this.store;
		if (keys == null || keyHeader == null) {
			return write.get();
		}
		String key = IdempotencyKeys.parse(keyHeader)
			.orElseThrow(() -> new JsonApiException(ErrorObject.atHeader(400, "Invalid idempotency key",
					"An Idempotency-Key is 1 to " + IdempotencyKeys.MAX_LENGTH
							+ " visible ASCII characters, preferably a quoted UUID",
					HEADER)));
		String fingerprint = IdempotencyKeys.fingerprint(method, target, body, caller);
		ClaimResult claimed;
		try {
			claimed = keys.claim(key, fingerprint);
		}
		catch (RuntimeException ex) {
			// Nothing of the request ran: a fault here is a 503 whatever the phase it struck.
			throw PersistenceErrors.translate(ex, false).orElseThrow(() -> ex);
		}
		if (claimed instanceof KeyRecord existing) {
			return replay(existing, fingerprint);
		}
		Claim claim = (Claim) claimed;
		this.current.set(claim);
		try {
			return write.get();
		}
		catch (RuntimeException ex) {
			release(keys, claim);
			throw ex;
		}
		finally {
			this.current.remove();
		}
	}

	/**
	 * Record the response of the current request's claim, if it has one, in the write's
	 * transaction, which is still open.
	 * @param response the response
	 */
	void recordInTransaction(JsonApiResponse response) {
		Claim claim = this.current.get();
		IdempotencyStore keys = this.store;
		if (claim == null || keys == null) {
			return;
		}
		ObjectNode document = response.document();
		String body = (document != null) ? this.mapper.writeValueAsString(document) : null;
		if (!keys.complete(claim, new StoredResponse(response.status(), response.headers(), body))) {
			throw inFlight("The Idempotency-Key was taken over by a retry of this request after it had been in "
					+ "flight too long; this attempt was not applied");
		}
	}

	private JsonApiResponse replay(KeyRecord existing, String fingerprint) {
		if (!existing.fingerprint().equals(fingerprint)) {
			throw new JsonApiException(ErrorObject.atHeader(422, "Idempotency key reused",
					"This Idempotency-Key was used for another request (another method, path or body); "
							+ "use a new key for a new request",
					HEADER));
		}
		StoredResponse stored = existing.response();
		if (stored == null) {
			throw inFlight("A request with this Idempotency-Key is still being processed; try again later");
		}
		Map<String, String> headers = new LinkedHashMap<>(stored.headers());
		headers.put(REPLAYED_HEADER, "true");
		ObjectNode document = (stored.body() != null) ? (ObjectNode) this.mapper.readTree(stored.body()) : null;
		return new JsonApiResponse(stored.status(), document, headers);
	}

	private static JsonApiException inFlight(String detail) {
		return new JsonApiException(409,
				List.of(new ErrorObject("409", "idempotency-key-in-use", "Request in flight", detail,
						new ErrorObject.ErrorSource(null, null, HEADER), null, null)),
				Map.of("Retry-After", PersistenceErrors.RETRY_AFTER_SECONDS));
	}

	/**
	 * Release the key of a failed request, so that a retry runs it again; when its response was
	 * committed after all (a commit whose outcome was unknown), the key stays and retries get the
	 * response. Should the database be out of reach, the claim stays in flight until the in-flight
	 * timeout lets a retry take it over.
	 */
	private static void release(IdempotencyStore keys, Claim claim) {
		try {
			keys.release(claim);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not release an idempotency key after a failed request: " + ex);
		}
	}

}
