package dev.restless.it.app;

public enum Status {

	ACTIVE, RETIRED

}
