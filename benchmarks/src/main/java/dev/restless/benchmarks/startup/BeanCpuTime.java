package dev.restless.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Records how much CPU time the main thread spends creating each bean, without the beans it
 * creates on the way (their dependencies), from the steps Spring reports while it instantiates
 * beans. The difference in process CPU between a start-up with and without Restless varies by a
 * second or more from run to run on a shared machine; the CPU time of Restless's own beans does
 * not, though it leaves out what Restless costs elsewhere (the JIT compiling its code, the garbage
 * it makes, its Hibernate integrator, the evaluation of its auto-configurations).
 */
final class BeanCpuTime implements ApplicationStartup {

	private static final String INSTANTIATE = "spring.beans.instantiate";

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Thread thread = Thread.currentThread();

	private final Deque<Step> open = new ArrayDeque<>();

	private final Map<String, Long> selfNanos = new HashMap<>();

	@Override
	public StartupStep start(String name) {
		if (!INSTANTIATE.equals(name) || Thread.currentThread() != this.thread) {
			return ApplicationStartup.DEFAULT.start(name);
		}
		Step step = new Step(this.threads.getCurrentThreadCpuTime());
		this.open.push(step);
		return step;
	}

	/**
	 * The CPU time spent creating some beans.
	 * @param beans which beans to count, by name
	 * @return the time in nanoseconds
	 */
	long nanos(Predicate<String> beans) {
		return this.selfNanos.entrySet()
			.stream()
			.filter((entry) -> beans.test(entry.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private final class Step implements StartupStep {

		private final long started;

		private long children;

		private String beanName = "";

		Step(long started) {
			this.started = started;
		}

		@Override
		public String getName() {
			return INSTANTIATE;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			if ("beanName".equals(key)) {
				this.beanName = value;
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::<Tag>emptyIterator;
		}

		@Override
		public void end() {
			long total = BeanCpuTime.this.threads.getCurrentThreadCpuTime() - this.started;
			// steps end in the reverse order they started in, on the one thread recorded
			BeanCpuTime.this.open.pop();
			Step parent = BeanCpuTime.this.open.peek();
			if (parent != null) {
				parent.children += total;
			}
			BeanCpuTime.this.selfNanos.merge(this.beanName, total - this.children, Long::sum);
		}

	}

}
