package dev.restless.benchmarks.elide;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes allocated so far by each thread that serves requests: Tomcat's {@code http-nio-*-exec-*}
 * threads and, since Elide's controller answers with a {@code Callable}, the {@code task-*}
 * threads of the executor Spring MVC runs it on. The benchmark reads it before and after a run
 * and divides the difference by the requests served.
 */
final class RequestThreadAllocation {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private RequestThreadAllocation() {
	}

	/**
	 * Reads every thread's count first and looks the names up afterwards, so that the reading
	 * request's own work after the reading is not in it.
	 * @return bytes allocated so far by each request thread, by thread id
	 */
	static Map<String, Long> snapshot() {
		long[] ids = threads.getAllThreadIds();
		long[] allocated = threads.getThreadAllocatedBytes(ids);
		ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
		Map<String, Long> result = new LinkedHashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] != null && allocated[i] >= 0 && isRequestThread(infos[i].getThreadName())) {
				result.put(Long.toString(ids[i]), allocated[i]);
			}
		}
		return result;
	}

	private static boolean isRequestThread(String name) {
		return (name.startsWith("http-nio-") && name.contains("-exec-")) || name.startsWith("task-");
	}

}
