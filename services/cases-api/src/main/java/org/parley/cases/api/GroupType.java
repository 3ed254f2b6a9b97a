package org.parley.cases.api;

/** Kinds of criminal group. */
public enum GroupType {
    MAFIA,
    CARTEL,
    STREET_GANG,
    PRISON_GANG,
    OTHER
}
