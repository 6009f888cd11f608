package dev.restless.benchmarks.startup;

import java.lang.management.ManagementFactory;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application of the start-up benchmark ({@code benchmarks/startup.sh}): a minimal Spring Boot
 * application over the entities the benchmark generates into {@code dev.restless.benchmarks.startup.model}
 * and compiles beside it, on in-memory H2. When it is ready it prints one line with the CPU time the
 * whole process has spent so far, and the main thread's CPU time for creating Restless's beans
 * ({@link BeanCpuTime}), and exits, so each run measures one start-up in a fresh JVM.
 *
 * <p>
 * It is no {@code @Configuration}: the component scan of {@code BenchmarkApplication} covers this
 * package and must not pick it up. Its settings are in {@code startup.properties}, not in the
 * {@code application.yml} of the load benchmark. Spring Data REST, which the load benchmark
 * compares against, is left out: nothing here uses it.
 */
@EnableAutoConfiguration(excludeName = "org.springframework.boot.data.rest.autoconfigure.DataRestAutoConfiguration")
public class StartupApplication {

	private static final BeanCpuTime beans = new BeanCpuTime();

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "startup"));
		application.setApplicationStartup(beans);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) StartupApplication::report);
		ConfigurableApplicationContext context = application.run(args);
		context.close();
		System.exit(0);
	}

	private static void report(ApplicationReadyEvent event) {
		long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long mainThreadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		int entities = event.getApplicationContext()
			.getBean(EntityManagerFactory.class)
			.getMetamodel()
			.getEntities()
			.size();
		boolean restless = event.getApplicationContext().containsBean("restlessResourceRegistry");
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		long restlessBeans = beans.nanos((name) -> isRestless(beanFactory, name));
		// One line that benchmarks/startup.py reads; the values are in milliseconds.
		System.out.printf("startup-benchmark entities=%d restless=%b process-cpu-ms=%d main-thread-cpu-ms=%d "
				+ "uptime-ms=%d restless-beans-cpu-ms=%d%n", entities, restless, processCpu / 1_000_000,
				mainThreadCpu / 1_000_000, uptime, restlessBeans / 1_000_000);
	}

	/** Whether Restless defines a bean: in one of its auto-configurations or as one of its classes. */
	private static boolean isRestless(ConfigurableListableBeanFactory beanFactory, String name) {
		if (isRestlessClass(name)) {
			return true;
		}
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		return isRestlessClass(definition.getFactoryBeanName()) || isRestlessClass(definition.getBeanClassName());
	}

	private static boolean isRestlessClass(String name) {
		return name != null && name.startsWith("dev.restless.") && !name.startsWith("dev.restless.benchmarks.");
	}

}
