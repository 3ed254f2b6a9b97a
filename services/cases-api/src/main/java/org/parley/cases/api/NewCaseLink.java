package org.parley.cases.api;

/**
 * The body of {@code POST /cases/{id}/links}: the case linked to (its id), what the link says, and an optional note.
 * The service checks it field by field.
 */
public record NewCaseLink(String target, CaseLinkKind kind, String note) {}
