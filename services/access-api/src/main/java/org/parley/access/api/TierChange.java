package org.parley.access.api;

/** The body of {@code POST /cases/{id}/tier}: the tier wanted and why. */
public record TierChange(Tier tier, String reason) {}
