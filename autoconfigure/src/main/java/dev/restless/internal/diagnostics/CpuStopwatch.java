package dev.restless.internal.diagnostics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Measures the CPU time the calling thread spends on a piece of start-up work. CPU time rather
 * than elapsed time, because on a busy machine the elapsed time also counts the work of every
 * other thread and process, and what grows with the model is the thread's own work.
 */
public final class CpuStopwatch {

	private final ThreadMXBean threads;

	private final long started;

	private CpuStopwatch(ThreadMXBean threads, long started) {
		this.threads = threads;
		this.started = started;
	}

	/** @return a stopwatch running from now on the calling thread */
	public static CpuStopwatch start() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return new CpuStopwatch(threads, threads.isCurrentThreadCpuTimeSupported()
				? threads.getCurrentThreadCpuTime() : -1);
	}

	/**
	 * The CPU time since {@link #start()}; call it on the thread that started the stopwatch.
	 * @return the time, or {@code null} when the JVM does not measure the CPU time of threads
	 */
	public @Nullable Duration elapsed() {
		if (this.started < 0) {
			return null;
		}
		long now = this.threads.getCurrentThreadCpuTime();
		return (now < 0) ? null : Duration.ofNanos(now - this.started);
	}

}
