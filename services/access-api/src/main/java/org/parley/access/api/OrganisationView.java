package org.parley.access.api;

/** An organisation as the API shows it. */
public record OrganisationView(String id, String name, OrganisationKind kind) {}
