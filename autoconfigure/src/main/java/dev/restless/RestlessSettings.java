package dev.restless;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The settings Restless runs with: the global limits and defaults, and the settings of single
 * resources, which win over their {@link ExposedResource} annotation. In a Spring Boot application
 * they are built from the {@code restless.*} properties and then handed to every
 * {@link RestlessSettingsCustomizer} bean, so code can change what properties cannot express.
 * A new instance holds the defaults of the properties. The base path is not among them: it
 * decides where the endpoints are mapped, so it is the property {@code restless.base-path} alone.
 */
public class RestlessSettings {

	private int defaultPageSize = 10;

	private int maxPageSize = 100;

	private int maxIncludeDepth = 3;

	private int maxFilterDepth = 10;

	private int maxFilterNodes = 500;

	private long estimatedTotalThreshold = 10_000;

	private Duration estimatedTotalTimeToLive = Duration.ZERO;

	private long maxRequestSize = 2 * 1024 * 1024;

	private boolean requireIfMatch;

	private int atomicMaxOperations = 100;

	private @Nullable Duration transactionTimeout = Duration.ofSeconds(10);

	private Map<String, ResourceSettings> resources = new LinkedHashMap<>();

	/**
	 * The page size when the client gives no {@code page[size]} and the resource sets none.
	 * @return the default page size, {@code 10} by default
	 */
	public int getDefaultPageSize() {
		return this.defaultPageSize;
	}

	/**
	 * Set the page size when the client gives no {@code page[size]} and the resource sets none.
	 * @param defaultPageSize the default page size
	 */
	public void setDefaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	/**
	 * The largest {@code page[size]} a client may ask for, unless the resource sets its own.
	 * @return the maximum page size, {@code 100} by default
	 */
	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	/**
	 * Set the largest {@code page[size]} a client may ask for, unless the resource sets its own.
	 * @param maxPageSize the maximum page size
	 */
	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	/**
	 * The longest relationship path (number of dotted segments) accepted in the {@code include}
	 * parameter.
	 * @return the maximum include depth, {@code 3} by default
	 */
	public int getMaxIncludeDepth() {
		return this.maxIncludeDepth;
	}

	/**
	 * Set the longest relationship path accepted in the {@code include} parameter.
	 * @param maxIncludeDepth the maximum number of dotted segments
	 */
	public void setMaxIncludeDepth(int maxIncludeDepth) {
		this.maxIncludeDepth = maxIncludeDepth;
	}

	/**
	 * The deepest nesting of filters accepted: each {@code and}, {@code or}, {@code not},
	 * {@code has} and {@code any} adds a level. Deeper filters get {@code 400}.
	 * @return the maximum filter depth, {@code 10} by default
	 */
	public int getMaxFilterDepth() {
		return this.maxFilterDepth;
	}

	/**
	 * Set the deepest nesting of filters accepted.
	 * @param maxFilterDepth the maximum filter depth
	 */
	public void setMaxFilterDepth(int maxFilterDepth) {
		this.maxFilterDepth = maxFilterDepth;
	}

	/**
	 * The most filter objects and values (each item of an {@code in} list counts) accepted in the
	 * filter parameters of one request. Larger filters get {@code 400}.
	 * @return the maximum number of filter nodes, {@code 500} by default
	 */
	public int getMaxFilterNodes() {
		return this.maxFilterNodes;
	}

	/**
	 * Set the most filter objects and values accepted in the filter parameters of one request.
	 * @param maxFilterNodes the maximum number of filter nodes
	 */
	public void setMaxFilterNodes(int maxFilterNodes) {
		this.maxFilterNodes = maxFilterNodes;
	}

	/**
	 * The smallest database estimate that an estimated total ({@link Total#ESTIMATED}) reports as
	 * such, unless the resource sets its own: smaller results are counted exactly, where a
	 * {@code COUNT} is cheap and an estimate relatively far off.
	 * @return the threshold, {@code 10000} by default
	 */
	public long getEstimatedTotalThreshold() {
		return this.estimatedTotalThreshold;
	}

	/**
	 * Set the smallest database estimate that an estimated total reports as such.
	 * @param estimatedTotalThreshold the threshold
	 */
	public void setEstimatedTotalThreshold(long estimatedTotalThreshold) {
		this.estimatedTotalThreshold = estimatedTotalThreshold;
	}

	/**
	 * How long the database's estimate of a query's total is given again to callers asking the
	 * same query, unless the resource sets its own: the same resource, filters and tenant, by a
	 * caller whose rows no row scope ({@link dev.restless.security.RowScope}) limits
	 * (the only callers that get estimates). Filters with an application's
	 * {@link dev.restless.query.FilterOperator}, which may depend on the caller, are estimated
	 * every time. Zero asks the database on every request. Keep it zero where the database or the
	 * connection shows callers different rows of the same query (row-level security policies, a
	 * statement inspector adding conditions per caller, a routing data source or a role or session
	 * variable set per caller): the estimate of one caller would be given to another.
	 * @return the time to live, zero by default
	 */
	public Duration getEstimatedTotalTimeToLive() {
		return this.estimatedTotalTimeToLive;
	}

	/**
	 * Set how long the database's estimate of a query's total is given again to callers asking
	 * the same query.
	 * @param estimatedTotalTimeToLive the time to live, zero to ask the database every time
	 */
	public void setEstimatedTotalTimeToLive(Duration estimatedTotalTimeToLive) {
		this.estimatedTotalTimeToLive = estimatedTotalTimeToLive;
	}

	/**
	 * The largest request document accepted, in bytes. Larger bodies get {@code 413} before they
	 * are read.
	 * @return the maximum request size in bytes, 2 MB by default
	 */
	public long getMaxRequestSize() {
		return this.maxRequestSize;
	}

	/**
	 * Set the largest request document accepted.
	 * @param maxRequestSize the maximum request size in bytes
	 */
	public void setMaxRequestSize(long maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	/**
	 * Whether {@code PATCH} and {@code DELETE} of every resource with a JPA {@code @Version}
	 * attribute, and of its relationships, must carry an {@code If-Match} header (otherwise
	 * {@code 428 Precondition Required}). A resource's own setting wins.
	 * @return whether {@code If-Match} is required, {@code false} by default
	 */
	public boolean isRequireIfMatch() {
		return this.requireIfMatch;
	}

	/**
	 * Set whether {@code PATCH} and {@code DELETE} of every versioned resource must carry an
	 * {@code If-Match} header.
	 * @param requireIfMatch whether {@code If-Match} is required
	 */
	public void setRequireIfMatch(boolean requireIfMatch) {
		this.requireIfMatch = requireIfMatch;
	}

	/**
	 * The most operations one request to the Atomic Operations endpoint may carry; a request with
	 * more gets {@code 400}.
	 * @return the maximum number of operations, {@code 100} by default
	 */
	public int getAtomicMaxOperations() {
		return this.atomicMaxOperations;
	}

	/**
	 * Set the most operations one atomic request may carry.
	 * @param atomicMaxOperations the maximum number of operations
	 */
	public void setAtomicMaxOperations(int atomicMaxOperations) {
		this.atomicMaxOperations = atomicMaxOperations;
	}

	/**
	 * The longest a request's transaction may take: every statement Restless runs, and every wait
	 * for a lock, is bounded by the time its transaction has left, so that no request waits forever
	 * and a lock held too long cannot take every connection of the pool. A request that runs out of
	 * time is rolled back and answered {@code 503}.
	 * @return the timeout, 10 seconds by default; {@code null} for none
	 */
	public @Nullable Duration getTransactionTimeout() {
		return this.transactionTimeout;
	}

	/**
	 * Set the longest a request's transaction may take (rounded up to whole seconds).
	 * @param transactionTimeout the timeout, or {@code null} (or zero) for none
	 */
	public void setTransactionTimeout(@Nullable Duration transactionTimeout) {
		this.transactionTimeout = transactionTimeout;
	}

	/**
	 * The settings of single resources, keyed by collection name. A key that names no exposed
	 * collection fails start-up. The map is the live one: changes to it count.
	 * @return the per-resource settings
	 */
	public Map<String, ResourceSettings> getResources() {
		return this.resources;
	}

	/**
	 * Replace the settings of single resources.
	 * @param resources the per-resource settings, keyed by collection name
	 */
	public void setResources(Map<String, ResourceSettings> resources) {
		this.resources = resources;
	}

	/**
	 * The settings of one resource, created (with nothing set) when there are none yet.
	 * @param collectionName the collection name of the resource
	 * @return the live settings of the resource
	 */
	public ResourceSettings resource(String collectionName) {
		return this.resources.computeIfAbsent(collectionName, (name) -> new ResourceSettings());
	}

}
