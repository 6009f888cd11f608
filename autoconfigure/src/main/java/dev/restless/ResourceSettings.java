package dev.restless;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The settings of one resource, which win over its {@link ExposedResource} annotation. Every
 * setting left {@code null} is not set: the annotation decides, or the global setting of
 * {@link RestlessSettings} where the annotation leaves it open.
 */
public class ResourceSettings {

	private @Nullable List<ResourceMethod> methods;

	private @Nullable Integer pageSize;

	private @Nullable Integer maxPageSize;

	private @Nullable List<String> only;

	private @Nullable List<String> exclude;

	private @Nullable List<String> includes;

	private @Nullable Boolean allowClientGeneratedIds;

	private @Nullable Boolean allowToManyReplacement;

	private @Nullable Boolean allowDeleteFromToManyRelationships;

	private @Nullable Boolean allowFunctions;

	private @Nullable Boolean toManyLinkage;

	private @Nullable Total total;

	private @Nullable Long estimatedTotalThreshold;

	private @Nullable Duration estimatedTotalTimeToLive;

	private @Nullable Boolean requireIfMatch;

	private @Nullable String readAccess;

	private @Nullable String createAccess;

	private @Nullable String updateAccess;

	private @Nullable String deleteAccess;

	private @Nullable String relationshipAccess;

	/**
	 * The methods the resource serves.
	 * @return the methods, or {@code null} when not set
	 * @see ExposedResource#methods()
	 */
	public @Nullable List<ResourceMethod> getMethods() {
		return this.methods;
	}

	/**
	 * Set the methods the resource serves.
	 * @param methods the methods, or {@code null} to leave them to the annotation
	 */
	public void setMethods(@Nullable List<ResourceMethod> methods) {
		this.methods = methods;
	}

	/**
	 * The page size when the client gives no {@code page[size]}.
	 * @return the page size, or {@code null} when not set
	 * @see ExposedResource#pageSize()
	 */
	public @Nullable Integer getPageSize() {
		return this.pageSize;
	}

	/**
	 * Set the page size when the client gives no {@code page[size]}.
	 * @param pageSize the page size, or {@code null} to leave it to the annotation
	 */
	public void setPageSize(@Nullable Integer pageSize) {
		this.pageSize = pageSize;
	}

	/**
	 * The largest {@code page[size]} a client may ask for.
	 * @return the maximum page size, or {@code null} when not set
	 * @see ExposedResource#maxPageSize()
	 */
	public @Nullable Integer getMaxPageSize() {
		return this.maxPageSize;
	}

	/**
	 * Set the largest {@code page[size]} a client may ask for.
	 * @param maxPageSize the maximum page size, or {@code null} to leave it to the annotation
	 */
	public void setMaxPageSize(@Nullable Integer maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	/**
	 * The attributes and relationships to expose; all others are hidden.
	 * @return the field names, or {@code null} (or an empty list) when not set
	 * @see ExposedResource#only()
	 */
	public @Nullable List<String> getOnly() {
		return this.only;
	}

	/**
	 * Set the attributes and relationships to expose. Cannot be combined with
	 * {@link #setExclude(List) exclude}.
	 * @param only the field names, or {@code null} (or an empty list) to leave them to the
	 * annotation
	 */
	public void setOnly(@Nullable List<String> only) {
		this.only = only;
	}

	/**
	 * The attributes and relationships to hide.
	 * @return the field names, or {@code null} (or an empty list) when not set
	 * @see ExposedResource#exclude()
	 */
	public @Nullable List<String> getExclude() {
		return this.exclude;
	}

	/**
	 * Set the attributes and relationships to hide. Cannot be combined with
	 * {@link #setOnly(List) only}.
	 * @param exclude the field names, or {@code null} (or an empty list) to leave them to the
	 * annotation
	 */
	public void setExclude(@Nullable List<String> exclude) {
		this.exclude = exclude;
	}

	/**
	 * The include paths used when the client gives no {@code include} parameter.
	 * @return the include paths, or {@code null} when not set (an empty list includes nothing)
	 * @see ExposedResource#includes()
	 */
	public @Nullable List<String> getIncludes() {
		return this.includes;
	}

	/**
	 * Set the include paths used when the client gives no {@code include} parameter.
	 * @param includes the include paths, or {@code null} to leave them to the annotation
	 */
	public void setIncludes(@Nullable List<String> includes) {
		this.includes = includes;
	}

	/**
	 * Whether {@code POST} may carry the resource id.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#allowClientGeneratedIds()
	 */
	public @Nullable Boolean getAllowClientGeneratedIds() {
		return this.allowClientGeneratedIds;
	}

	/**
	 * Set whether {@code POST} may carry the resource id.
	 * @param allowClientGeneratedIds the setting, or {@code null} to leave it to the annotation
	 */
	public void setAllowClientGeneratedIds(@Nullable Boolean allowClientGeneratedIds) {
		this.allowClientGeneratedIds = allowClientGeneratedIds;
	}

	/**
	 * Whether {@code PATCH} may replace a whole to-many relationship.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#allowToManyReplacement()
	 */
	public @Nullable Boolean getAllowToManyReplacement() {
		return this.allowToManyReplacement;
	}

	/**
	 * Set whether {@code PATCH} may replace a whole to-many relationship.
	 * @param allowToManyReplacement the setting, or {@code null} to leave it to the annotation
	 */
	public void setAllowToManyReplacement(@Nullable Boolean allowToManyReplacement) {
		this.allowToManyReplacement = allowToManyReplacement;
	}

	/**
	 * Whether {@code DELETE} on a to-many relationship endpoint is allowed.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#allowDeleteFromToManyRelationships()
	 */
	public @Nullable Boolean getAllowDeleteFromToManyRelationships() {
		return this.allowDeleteFromToManyRelationships;
	}

	/**
	 * Set whether {@code DELETE} on a to-many relationship endpoint is allowed.
	 * @param allowDeleteFromToManyRelationships the setting, or {@code null} to leave it to the
	 * annotation
	 */
	public void setAllowDeleteFromToManyRelationships(@Nullable Boolean allowDeleteFromToManyRelationships) {
		this.allowDeleteFromToManyRelationships = allowDeleteFromToManyRelationships;
	}

	/**
	 * Whether the {@code eval} endpoint serves the resource.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#allowFunctions()
	 */
	public @Nullable Boolean getAllowFunctions() {
		return this.allowFunctions;
	}

	/**
	 * Set whether the {@code eval} endpoint serves the resource.
	 * @param allowFunctions the setting, or {@code null} to leave it to the annotation
	 */
	public void setAllowFunctions(@Nullable Boolean allowFunctions) {
		this.allowFunctions = allowFunctions;
	}

	/**
	 * Whether to-many relationships carry linkage data.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#toManyLinkage()
	 */
	public @Nullable Boolean getToManyLinkage() {
		return this.toManyLinkage;
	}

	/**
	 * Set whether to-many relationships carry linkage data. Turning it off saves one SQL statement
	 * per to-many relationship on every read.
	 * @param toManyLinkage the setting, or {@code null} to leave it to the annotation
	 */
	public void setToManyLinkage(@Nullable Boolean toManyLinkage) {
		this.toManyLinkage = toManyLinkage;
	}

	/**
	 * What offset pages say about the number of matching resources.
	 * @return the setting, or {@code null} when not set
	 * @see ExposedResource#total()
	 */
	public @Nullable Total getTotal() {
		return this.total;
	}

	/**
	 * Set what offset pages say about the number of matching resources: {@link Total#NONE} saves one
	 * {@code COUNT} statement per page, {@link Total#ESTIMATED} replaces it with the database's
	 * estimate for large results.
	 * @param total the setting, or {@code null} to leave it to the annotation
	 */
	public void setTotal(@Nullable Total total) {
		this.total = total;
	}

	/**
	 * The smallest estimate that an estimated total reports as such; below it resources are counted.
	 * @return the threshold, or {@code null} when not set
	 * @see ExposedResource#estimatedTotalThreshold()
	 */
	public @Nullable Long getEstimatedTotalThreshold() {
		return this.estimatedTotalThreshold;
	}

	/**
	 * Set the smallest estimate that an estimated total reports as such.
	 * @param estimatedTotalThreshold the threshold, or {@code null} to leave it to the annotation
	 */
	public void setEstimatedTotalThreshold(@Nullable Long estimatedTotalThreshold) {
		this.estimatedTotalThreshold = estimatedTotalThreshold;
	}

	/**
	 * How long the database's estimate of a query's total is given again to callers asking the
	 * same query.
	 * @return the time to live, or {@code null} when not set
	 * @see RestlessSettings#getEstimatedTotalTimeToLive()
	 */
	public @Nullable Duration getEstimatedTotalTimeToLive() {
		return this.estimatedTotalTimeToLive;
	}

	/**
	 * Set how long the database's estimate of a query's total is given again to callers asking
	 * the same query.
	 * @param estimatedTotalTimeToLive the time to live, or {@code null} to leave it to the global
	 * setting
	 */
	public void setEstimatedTotalTimeToLive(@Nullable Duration estimatedTotalTimeToLive) {
		this.estimatedTotalTimeToLive = estimatedTotalTimeToLive;
	}

	/**
	 * Whether {@code PATCH} and {@code DELETE}, of the resource and of its relationships, must
	 * carry an {@code If-Match} header with the resource's ETag (otherwise {@code 428}).
	 * @return the setting, or {@code null} when not set (then the annotation or
	 * {@link RestlessSettings#isRequireIfMatch()} decides)
	 * @see ExposedResource#requireIfMatch()
	 */
	public @Nullable Boolean getRequireIfMatch() {
		return this.requireIfMatch;
	}

	/**
	 * Set whether {@code PATCH} and {@code DELETE} of the resource must carry an {@code If-Match}
	 * header. The resource needs a JPA {@code @Version} attribute.
	 * @param requireIfMatch the setting, or {@code null} to leave it to the annotation and the
	 * global setting
	 */
	public void setRequireIfMatch(@Nullable Boolean requireIfMatch) {
		this.requireIfMatch = requireIfMatch;
	}

	/**
	 * The Spring Security expression of the rule of who may read the resource.
	 * @return the expression, or {@code null} to leave it to the annotation
	 * @see ExposedResource#readAccess()
	 */
	public @Nullable String getReadAccess() {
		return this.readAccess;
	}

	/**
	 * Set the Spring Security expression of the rule of who may read the resource; an empty one removes the annotation's rule.
	 * @param readAccess the expression, or {@code null} to leave it to the annotation
	 */
	public void setReadAccess(@Nullable String readAccess) {
		this.readAccess = readAccess;
	}

	/**
	 * The Spring Security expression of the rule of who may create resources.
	 * @return the expression, or {@code null} to leave it to the annotation
	 * @see ExposedResource#createAccess()
	 */
	public @Nullable String getCreateAccess() {
		return this.createAccess;
	}

	/**
	 * Set the Spring Security expression of the rule of who may create resources; an empty one removes the annotation's rule.
	 * @param createAccess the expression, or {@code null} to leave it to the annotation
	 */
	public void setCreateAccess(@Nullable String createAccess) {
		this.createAccess = createAccess;
	}

	/**
	 * The Spring Security expression of the rule of who may update a resource, which can name it as {@code resource}.
	 * @return the expression, or {@code null} to leave it to the annotation
	 * @see ExposedResource#updateAccess()
	 */
	public @Nullable String getUpdateAccess() {
		return this.updateAccess;
	}

	/**
	 * Set the Spring Security expression of the rule of who may update a resource, which can name it as {@code resource}; an empty one removes the annotation's rule.
	 * @param updateAccess the expression, or {@code null} to leave it to the annotation
	 */
	public void setUpdateAccess(@Nullable String updateAccess) {
		this.updateAccess = updateAccess;
	}

	/**
	 * The Spring Security expression of the rule of who may delete a resource, which can name it as {@code resource}.
	 * @return the expression, or {@code null} to leave it to the annotation
	 * @see ExposedResource#deleteAccess()
	 */
	public @Nullable String getDeleteAccess() {
		return this.deleteAccess;
	}

	/**
	 * Set the Spring Security expression of the rule of who may delete a resource, which can name it as {@code resource}; an empty one removes the annotation's rule.
	 * @param deleteAccess the expression, or {@code null} to leave it to the annotation
	 */
	public void setDeleteAccess(@Nullable String deleteAccess) {
		this.deleteAccess = deleteAccess;
	}

	/**
	 * The Spring Security expression of the rule of who may change the relationships of a resource (the update rule when not set).
	 * @return the expression, or {@code null} to leave it to the annotation
	 * @see ExposedResource#relationshipAccess()
	 */
	public @Nullable String getRelationshipAccess() {
		return this.relationshipAccess;
	}

	/**
	 * Set the Spring Security expression of the rule of who may change the relationships of a resource (the update rule when not set); an empty one removes the annotation's rule.
	 * @param relationshipAccess the expression, or {@code null} to leave it to the annotation
	 */
	public void setRelationshipAccess(@Nullable String relationshipAccess) {
		this.relationshipAccess = relationshipAccess;
	}

}
