package dev.restless.sample;

/** What a user of the sample may do beyond reading and editing their own goals. */
public enum Role {

	/** Reads and edits their own goals. */
	USER,

	/** Also writes people and computers. */
	EDITOR,

	/** Sees and edits everything. */
	ADMIN

}
