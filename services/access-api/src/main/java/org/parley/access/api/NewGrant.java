package org.parley.access.api;

import java.time.Instant;

/** The body of {@code POST /cases/{id}/grants}; {@code expiresAt} is optional. */
public record NewGrant(String organisation, GrantScope scope, String reason, Instant expiresAt) {}
