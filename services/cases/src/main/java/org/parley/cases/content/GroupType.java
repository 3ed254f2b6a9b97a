package org.parley.cases.content;

/** Kinds of criminal group. */
public enum GroupType {
    MAFIA,
    CARTEL,
    STREET_GANG,
    PRISON_GANG,
    OTHER
}
