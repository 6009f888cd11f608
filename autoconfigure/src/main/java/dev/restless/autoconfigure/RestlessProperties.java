package dev.restless.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.restless.ResourceMethod;
import dev.restless.ResourceSettings;
import dev.restless.RestlessSettings;
import dev.restless.Total;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of Restless, under {@code restless.*}.
 */
@ConfigurationProperties("restless")
public class RestlessProperties {

	/**
	 * Whether Restless serves its endpoints. With false the whole starter switches off.
	 */
	private boolean enabled = true;

	/**
	 * Path under which every endpoint is served, starting with a slash.
	 */
	private String basePath = "/api";

	/**
	 * Page size when the client gives no page[size] and the resource sets none.
	 */
	private int defaultPageSize = 10;

	/**
	 * Largest page[size] a client may ask for, unless the resource sets its own.
	 */
	private int maxPageSize = 100;

	/**
	 * Longest relationship path (number of dotted segments) accepted in the include parameter.
	 */
	private int maxIncludeDepth = 3;

	/**
	 * Deepest nesting of filters accepted in filter[objects]: each and, or, not, has and any
	 * adds a level. Deeper filters get 400.
	 */
	private int maxFilterDepth = 10;

	/**
	 * Most filter objects and values (each item of an in list counts) accepted in the filter
	 * parameters of one request. Larger filters get 400.
	 */
	private int maxFilterNodes = 500;

	/**
	 * Smallest database estimate that an estimated total (page[total]=estimated, or a resource's
	 * total: estimated) reports as such; smaller results are counted exactly. A resource can set its
	 * own.
	 */
	private long estimatedTotalThreshold = 10_000;

	/**
	 * How long the database's estimate of a query's total is given again to callers asking the
	 * same query (same resource, filters and tenant; only callers whose rows no row restriction
	 * limits get estimates; filters with the application's operators are estimated every time).
	 * Zero asks the database on every request. Keep it zero where the database or the connection
	 * shows callers different rows of the same query (row-level security policies, a statement
	 * inspector adding conditions per caller, a routing data source, a role or session variable
	 * set per caller). A resource can set its own.
	 */
	private Duration estimatedTotalTimeToLive = Duration.ZERO;

	/**
	 * Largest request document accepted (POST, PATCH, relationship writes, atomic operations).
	 * Larger bodies get 413 before they are read.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(2);

	/**
	 * Per-resource settings, keyed by collection name. They win over the @ExposedResource
	 * annotation.
	 */
	private Map<String, Resource> resources = new LinkedHashMap<>();

	/**
	 * Whether PATCH and DELETE of every resource with a JPA @Version attribute, and of its
	 * relationships, must carry an If-Match header (otherwise 428 Precondition Required).
	 */
	private boolean requireIfMatch;

	/**
	 * The Atomic Operations extension, served at {base-path}/operations.
	 */
	private final Atomic atomic = new Atomic();

	/**
	 * Longest a request's transaction may take. Every statement and lock wait is bounded by the time
	 * left, so no request waits forever; one that runs out of time is rolled back and answered 503.
	 * Whole seconds; 0 for no limit.
	 */
	private Duration transactionTimeout = Duration.ofSeconds(10);

	private final Idempotency idempotency = new Idempotency();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public int getDefaultPageSize() {
		return this.defaultPageSize;
	}

	public void setDefaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	public int getMaxIncludeDepth() {
		return this.maxIncludeDepth;
	}

	public void setMaxIncludeDepth(int maxIncludeDepth) {
		this.maxIncludeDepth = maxIncludeDepth;
	}

	public int getMaxFilterDepth() {
		return this.maxFilterDepth;
	}

	public void setMaxFilterDepth(int maxFilterDepth) {
		this.maxFilterDepth = maxFilterDepth;
	}

	public int getMaxFilterNodes() {
		return this.maxFilterNodes;
	}

	public void setMaxFilterNodes(int maxFilterNodes) {
		this.maxFilterNodes = maxFilterNodes;
	}

	public long getEstimatedTotalThreshold() {
		return this.estimatedTotalThreshold;
	}

	public void setEstimatedTotalThreshold(long estimatedTotalThreshold) {
		this.estimatedTotalThreshold = estimatedTotalThreshold;
	}

	public Duration getEstimatedTotalTimeToLive() {
		return this.estimatedTotalTimeToLive;
	}

	public void setEstimatedTotalTimeToLive(Duration estimatedTotalTimeToLive) {
		this.estimatedTotalTimeToLive = estimatedTotalTimeToLive;
	}

	public Map<String, Resource> getResources() {
		return this.resources;
	}

	public void setResources(Map<String, Resource> resources) {
		this.resources = resources;
	}

	public boolean isRequireIfMatch() {
		return this.requireIfMatch;
	}

	public void setRequireIfMatch(boolean requireIfMatch) {
		this.requireIfMatch = requireIfMatch;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public Atomic getAtomic() {
		return this.atomic;
	}

	public Duration getTransactionTimeout() {
		return this.transactionTimeout;
	}

	public void setTransactionTimeout(Duration transactionTimeout) {
		this.transactionTimeout = transactionTimeout;
	}

	public Idempotency getIdempotency() {
		return this.idempotency;
	}

	/**
	 * Apply the properties to the settings Restless runs with. A resource's lists are copied, so
	 * a {@link dev.restless.RestlessSettingsCustomizer} that changes them leaves the properties as
	 * they were bound.
	 * @param settings the settings to change
	 */
	public void applyTo(RestlessSettings settings) {
		settings.setDefaultPageSize(this.defaultPageSize);
		settings.setMaxPageSize(this.maxPageSize);
		settings.setMaxIncludeDepth(this.maxIncludeDepth);
		settings.setMaxFilterDepth(this.maxFilterDepth);
		settings.setMaxFilterNodes(this.maxFilterNodes);
		settings.setEstimatedTotalThreshold(this.estimatedTotalThreshold);
		settings.setEstimatedTotalTimeToLive(this.estimatedTotalTimeToLive);
		settings.setMaxRequestSize(this.maxRequestSize.toBytes());
		settings.setRequireIfMatch(this.requireIfMatch);
		settings.setAtomicMaxOperations(this.atomic.getMaxOperations());
		settings.setTransactionTimeout(this.transactionTimeout.isZero() ? null : this.transactionTimeout);
		this.resources.forEach((collectionName, resource) -> resource.applyTo(settings.resource(collectionName)));
	}

	/**
	 * Settings of the Atomic Operations endpoint.
	 */
	public static class Atomic {

		/**
		 * Most operations one atomic request may carry; a request with more gets 400.
		 */
		private int maxOperations = 100;

		public int getMaxOperations() {
			return this.maxOperations;
		}

		public void setMaxOperations(int maxOperations) {
			this.maxOperations = maxOperations;
		}

	}

	/**
	 * Idempotency keys: writes that carry an {@code Idempotency-Key} header are executed at most
	 * once, their responses recorded in a table that every instance of the application shares.
	 */
	public static class Idempotency {

		/**
		 * Whether writes honour the Idempotency-Key header. Off by default: it needs a table in the
		 * application's database (see table-name and create-table).
		 */
		private boolean enabled;

		/**
		 * Table that records the keys and responses, optionally qualified by its schema.
		 */
		private String tableName = "restless_idempotency_keys";

		/**
		 * Whether to create the table (and its index) at start-up when it does not exist. Off by
		 * default, for schemas managed by migrations.
		 */
		private boolean createTable;

		/**
		 * How long a key and its response are kept after the first request with it.
		 */
		private Duration retention = Duration.ofHours(24);

		/**
		 * Time between two background purges of expired keys.
		 */
		private Duration purgeInterval = Duration.ofHours(1);

		/**
		 * How long a request may hold its key in flight before a retry may take it over (the
		 * instance that held it died or lost the database). Retries are answered 409 until then.
		 */
		private Duration inFlightTimeout = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getTableName() {
			return this.tableName;
		}

		public void setTableName(String tableName) {
			this.tableName = tableName;
		}

		public boolean isCreateTable() {
			return this.createTable;
		}

		public void setCreateTable(boolean createTable) {
			this.createTable = createTable;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

		public Duration getPurgeInterval() {
			return this.purgeInterval;
		}

		public void setPurgeInterval(Duration purgeInterval) {
			this.purgeInterval = purgeInterval;
		}

		public Duration getInFlightTimeout() {
			return this.inFlightTimeout;
		}

		public void setInFlightTimeout(Duration inFlightTimeout) {
			this.inFlightTimeout = inFlightTimeout;
		}

	}

	/**
	 * Settings of one resource. Each one left unset keeps the value of the annotation.
	 */
	public static class Resource {

		/**
		 * Methods the resource serves (GET, POST, PATCH, DELETE).
		 */
		private @Nullable List<ResourceMethod> methods;

		/**
		 * Page size when the client gives no page[size].
		 */
		private @Nullable Integer pageSize;

		/**
		 * Largest page[size] a client may ask for.
		 */
		private @Nullable Integer maxPageSize;

		/**
		 * Attributes and relationships to expose; all others are hidden.
		 */
		private List<String> only = new ArrayList<>();

		/**
		 * Attributes and relationships to hide.
		 */
		private List<String> exclude = new ArrayList<>();

		/**
		 * Include paths used when the client gives no include parameter.
		 */
		private @Nullable List<String> includes;

		/**
		 * Whether POST may carry the resource id.
		 */
		private @Nullable Boolean allowClientGeneratedIds;

		/**
		 * Whether PATCH may replace a whole to-many relationship.
		 */
		private @Nullable Boolean allowToManyReplacement;

		/**
		 * Whether DELETE on a to-many relationship endpoint is allowed.
		 */
		private @Nullable Boolean allowDeleteFromToManyRelationships;

		/**
		 * Whether the eval endpoint serves the resource.
		 */
		private @Nullable Boolean allowFunctions;

		/**
		 * Whether to-many relationships carry linkage data. Turning it off saves one SQL statement
		 * per to-many relationship on every read.
		 */
		private @Nullable Boolean toManyLinkage;

		/**
		 * What offset pages say about the number of matching resources (meta.total and the last
		 * link): exact (a COUNT statement per page), estimated (the database planner's estimate
		 * for large results, exact below the estimated-total threshold) or none. Clients choose
		 * per request with page[total].
		 */
		private @Nullable Total total;

		/**
		 * Smallest database estimate that an estimated total reports as such; smaller results are
		 * counted exactly. Defaults to restless.estimated-total-threshold.
		 */
		private @Nullable Long estimatedTotalThreshold;

		/**
		 * How long the database's estimate of a query's total is given again to callers asking
		 * the same query. Defaults to restless.estimated-total-time-to-live.
		 */
		private @Nullable Duration estimatedTotalTimeToLive;

		/**
		 * Whether PATCH and DELETE, of the resource and of its relationships, must carry an
		 * If-Match header with the resource's ETag (otherwise 428). The resource needs a JPA
		 * @Version attribute.
		 */
		private @Nullable Boolean requireIfMatch;

		/**
		 * Spring Security expression of the rule of who may read the resource. Empty removes the annotation's rule.
		 */
		private @Nullable String readAccess;

		/**
		 * Spring Security expression of the rule of who may create resources. Empty removes the annotation's rule.
		 */
		private @Nullable String createAccess;

		/**
		 * Spring Security expression of the rule of who may update a resource, which can name it as 'resource'. Empty removes the annotation's rule.
		 */
		private @Nullable String updateAccess;

		/**
		 * Spring Security expression of the rule of who may delete a resource, which can name it as 'resource'. Empty removes the annotation's rule.
		 */
		private @Nullable String deleteAccess;

		/**
		 * Spring Security expression of the rule of who may change the relationships of a resource (the update rule when not set). Empty removes the annotation's rule.
		 */
		private @Nullable String relationshipAccess;

		public @Nullable List<ResourceMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(@Nullable List<ResourceMethod> methods) {
			this.methods = methods;
		}

		public @Nullable Integer getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(@Nullable Integer pageSize) {
			this.pageSize = pageSize;
		}

		public @Nullable Integer getMaxPageSize() {
			return this.maxPageSize;
		}

		public void setMaxPageSize(@Nullable Integer maxPageSize) {
			this.maxPageSize = maxPageSize;
		}

		public List<String> getOnly() {
			return this.only;
		}

		public void setOnly(List<String> only) {
			this.only = only;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		public @Nullable List<String> getIncludes() {
			return this.includes;
		}

		public void setIncludes(@Nullable List<String> includes) {
			this.includes = includes;
		}

		public @Nullable Boolean getAllowClientGeneratedIds() {
			return this.allowClientGeneratedIds;
		}

		public void setAllowClientGeneratedIds(@Nullable Boolean allowClientGeneratedIds) {
			this.allowClientGeneratedIds = allowClientGeneratedIds;
		}

		public @Nullable Boolean getAllowToManyReplacement() {
			return this.allowToManyReplacement;
		}

		public void setAllowToManyReplacement(@Nullable Boolean allowToManyReplacement) {
			this.allowToManyReplacement = allowToManyReplacement;
		}

		public @Nullable Boolean getAllowDeleteFromToManyRelationships() {
			return this.allowDeleteFromToManyRelationships;
		}

		public void setAllowDeleteFromToManyRelationships(@Nullable Boolean allowDeleteFromToManyRelationships) {
			this.allowDeleteFromToManyRelationships = allowDeleteFromToManyRelationships;
		}

		public @Nullable Boolean getAllowFunctions() {
			return this.allowFunctions;
		}

		public void setAllowFunctions(@Nullable Boolean allowFunctions) {
			this.allowFunctions = allowFunctions;
		}

		public @Nullable Boolean getToManyLinkage() {
			return this.toManyLinkage;
		}

		public void setToManyLinkage(@Nullable Boolean toManyLinkage) {
			this.toManyLinkage = toManyLinkage;
		}

		public @Nullable Total getTotal() {
			return this.total;
		}

		public void setTotal(@Nullable Total total) {
			this.total = total;
		}

		public @Nullable Long getEstimatedTotalThreshold() {
			return this.estimatedTotalThreshold;
		}

		public void setEstimatedTotalThreshold(@Nullable Long estimatedTotalThreshold) {
			this.estimatedTotalThreshold = estimatedTotalThreshold;
		}

		public @Nullable Duration getEstimatedTotalTimeToLive() {
			return this.estimatedTotalTimeToLive;
		}

		public void setEstimatedTotalTimeToLive(@Nullable Duration estimatedTotalTimeToLive) {
			this.estimatedTotalTimeToLive = estimatedTotalTimeToLive;
		}

		public @Nullable Boolean getRequireIfMatch() {
			return this.requireIfMatch;
		}

		public void setRequireIfMatch(@Nullable Boolean requireIfMatch) {
			this.requireIfMatch = requireIfMatch;
		}

		public @Nullable String getReadAccess() {
			return this.readAccess;
		}

		public void setReadAccess(@Nullable String readAccess) {
			this.readAccess = readAccess;
		}

		public @Nullable String getCreateAccess() {
			return this.createAccess;
		}

		public void setCreateAccess(@Nullable String createAccess) {
			this.createAccess = createAccess;
		}

		public @Nullable String getUpdateAccess() {
			return this.updateAccess;
		}

		public void setUpdateAccess(@Nullable String updateAccess) {
			this.updateAccess = updateAccess;
		}

		public @Nullable String getDeleteAccess() {
			return this.deleteAccess;
		}

		public void setDeleteAccess(@Nullable String deleteAccess) {
			this.deleteAccess = deleteAccess;
		}

		public @Nullable String getRelationshipAccess() {
			return this.relationshipAccess;
		}

		public void setRelationshipAccess(@Nullable String relationshipAccess) {
			this.relationshipAccess = relationshipAccess;
		}

		void applyTo(ResourceSettings settings) {
			settings.setMethods(copy(this.methods));
			settings.setPageSize(this.pageSize);
			settings.setMaxPageSize(this.maxPageSize);
			settings.setOnly(copy(this.only));
			settings.setExclude(copy(this.exclude));
			settings.setIncludes(copy(this.includes));
			settings.setAllowClientGeneratedIds(this.allowClientGeneratedIds);
			settings.setAllowToManyReplacement(this.allowToManyReplacement);
			settings.setAllowDeleteFromToManyRelationships(this.allowDeleteFromToManyRelationships);
			settings.setAllowFunctions(this.allowFunctions);
			settings.setToManyLinkage(this.toManyLinkage);
			settings.setTotal(this.total);
			settings.setEstimatedTotalThreshold(this.estimatedTotalThreshold);
			settings.setEstimatedTotalTimeToLive(this.estimatedTotalTimeToLive);
			settings.setRequireIfMatch(this.requireIfMatch);
			settings.setReadAccess(this.readAccess);
			settings.setCreateAccess(this.createAccess);
			settings.setUpdateAccess(this.updateAccess);
			settings.setDeleteAccess(this.deleteAccess);
			settings.setRelationshipAccess(this.relationshipAccess);
		}

		private static <T> @Nullable List<T> copy(@Nullable List<T> list) {
			return (list != null) ? new ArrayList<>(list) : null;
		}

	}

}
