package dev.restless.sample;

/** Whether a person still works. */
public enum Status {

	/** Still at work. */
	ACTIVE,

	/** Retired, or no longer with us. */
	RETIRED

}
