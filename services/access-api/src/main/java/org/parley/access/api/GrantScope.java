package org.parley.access.api;

/**
 * How much of a case a grant lets a partner organisation see, from least to most. The sections each scope
 * covers, and which scopes need a second approver, are the policy library's (its enum has the same names).
 */
public enum GrantScope {
    SUMMARY,
    RESULTS,
    PROCESS,
    EXCERPTS
}
