package org.parley.access.api;

/**
 * A request waits (PENDING) until a second admin approves or rejects it, its requester withdraws it, or it expires.
 */
public enum RequestStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED,
    WITHDRAWN
}
