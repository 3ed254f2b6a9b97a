package org.parley.access.api;

/** A grant is active until it is revoked or its expiry passes; ended grants are kept for the record. */
public enum GrantStatus {
    ACTIVE,
    REVOKED,
    EXPIRED
}
