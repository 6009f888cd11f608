package dev.restless.internal.diagnostics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.restless.internal.metamodel.ResourceDescriptor;
import dev.restless.internal.metamodel.ResourceRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The lines Restless logs at start-up: one per exposed resource (its type, entity, methods and
 * page sizes) and a summary, so that what the API serves can be read from the log. The summary
 * gives the CPU time the registry took to build, the part of start-up that grows with the model.
 */
public final class StartupReport {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final ResourceRegistry registry;

	private final String basePath;

	private final @Nullable Duration buildTime;

	/**
	 * Create the report.
	 * @param registry the exposed resources
	 * @param basePath the path the API is served under
	 * @param buildTime the CPU time building the registry took, or {@code null} when unknown
	 */
	public StartupReport(ResourceRegistry registry, String basePath, @Nullable Duration buildTime) {
		this.registry = registry;
		this.basePath = basePath;
		this.buildTime = buildTime;
	}

	/** Log the report at INFO. */
	public void log() {
		if (!logger.isInfoEnabled()) {
			return;
		}
		lines().forEach(logger::info);
	}

	/** @return the lines of the report: one per resource, in collection name order, then the summary */
	public List<String> lines() {
		List<ResourceDescriptor> resources = this.registry.all()
			.stream()
			.sorted(Comparator.comparing(ResourceDescriptor::type))
			.toList();
		List<String> lines = new ArrayList<>();
		for (ResourceDescriptor resource : resources) {
			lines.add(line(resource));
		}
		lines.add("Restless serves " + resources.size() + ((resources.size() == 1) ? " resource" : " resources")
				+ " under " + (this.basePath.isEmpty() ? "/" : this.basePath) + ": "
				+ resources.stream().map(ResourceDescriptor::type).collect(Collectors.joining(", "))
				+ ((this.buildTime != null) ? " (registry built in " + this.buildTime.toMillis() + " ms of CPU)" : ""));
		return lines;
	}

	private String line(ResourceDescriptor resource) {
		String methods = resource.methods()
			.stream()
			.sorted()
			.map(Enum::name)
			.collect(Collectors.joining(", "));
		return "Exposed '" + resource.type() + "' at " + this.basePath + "/" + resource.type() + " (entity "
				+ resource.entityClass().getName() + "; methods " + methods + "; page size " + resource.pageSize()
				+ ", at most " + resource.maxPageSize() + ")";
	}

}
