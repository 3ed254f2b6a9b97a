package org.parley.access.api;

/** A case's tier and release at a policy version. */
public record AccessView(String caseId, Tier tier, boolean released, long version) {}
