package org.parley.access.api;

/** The body of {@code POST /cases/{id}/release}: released or not, and why. */
public record ReleaseChange(Boolean released, String reason) {}
