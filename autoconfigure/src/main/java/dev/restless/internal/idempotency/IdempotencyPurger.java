package dev.restless.internal.idempotency;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired idempotency keys in the background, at a fixed interval, on a daemon thread of
 * its own that runs while the application context does. Every instance purges; the deletes of two
 * instances simply find less to delete.
 */
public final class IdempotencyPurger implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(IdempotencyPurger.class);

	private final IdempotencyStore store;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * A purger.
	 * @param store the store to purge
	 * @param interval the time between two purges
	 */
	public IdempotencyPurger(IdempotencyStore store, Duration interval) {
		this.store = store;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "restless-idempotency-purge");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, this.interval.toMillis());
		scheduler.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Delete the expired keys now; a failure (the database being down, say) waits for the next
	 * purge.
	 */
	void purge() {
		try {
			int purged = this.store.purgeExpired();
			if (purged > 0 && logger.isDebugEnabled()) {
				logger.debug("Purged " + purged + " expired idempotency keys");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge expired idempotency keys; trying again in " + this.interval + ": " + ex);
		}
	}

}
