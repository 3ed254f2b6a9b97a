package org.parley.access.api;

/** The body of {@code POST /cases/{id}/team}: a user by username or by subject (exactly one), a role and a reason. */
public record TeamChange(String username, String subject, TeamRole role, String reason) {}
