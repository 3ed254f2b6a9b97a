package org.parley.access.api;

/**
 * A grant is active until it is revoked, its expiry passes or a wider grant to the same organisation on the
 * same case replaces it; ended grants are kept for the record.
 */
public enum GrantStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    REPLACED
}
