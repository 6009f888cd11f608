package dev.restless;

/**
 * What a request does, as seen by pre- and postprocessors. A processor bean can be scoped to some
 * operations with {@link dev.restless.processing.ProcessorScope}.
 */
public enum Operation {

	/** {@code GET /api/{collection}}. */
	GET_COLLECTION,

	/** {@code GET /api/{collection}/{id}}. */
	GET_RESOURCE,

	/** {@code GET /api/{collection}/{id}/{relation}}. */
	GET_RELATED,

	/** {@code GET /api/{collection}/{id}/{relation}/{relatedId}}. */
	GET_RELATED_RESOURCE,

	/** {@code GET /api/{collection}/{id}/relationships/{relation}}. */
	GET_RELATIONSHIP,

	/** {@code POST /api/{collection}}. */
	POST_RESOURCE,

	/** {@code PATCH /api/{collection}/{id}}. */
	PATCH_RESOURCE,

	/** {@code DELETE /api/{collection}/{id}}. */
	DELETE_RESOURCE,

	/** {@code POST /api/{collection}/{id}/relationships/{relation}}. */
	POST_RELATIONSHIP,

	/** {@code PATCH /api/{collection}/{id}/relationships/{relation}}. */
	PATCH_RELATIONSHIP,

	/** {@code DELETE /api/{collection}/{id}/relationships/{relation}}. */
	DELETE_RELATIONSHIP,

	/** {@code GET /api/eval/{collection}}. */
	EVAL

}
