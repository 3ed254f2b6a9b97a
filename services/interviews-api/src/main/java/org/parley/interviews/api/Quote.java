package org.parley.interviews.api;

/** A quotable passage, numbered: the number an excerpt proposal names. */
public record Quote(int n, String text) {}
