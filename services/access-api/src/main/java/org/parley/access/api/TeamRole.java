package org.parley.access.api;

/** A place on a case's team (the policy library's enum of the same names holds what it allows). */
public enum TeamRole {
    LEAD,
    MEMBER
}
