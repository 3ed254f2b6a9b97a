package org.parley.cases.api;

/** What a bulk import does (or, in a dry run, would do) with one row. */
public enum ImportAction {
    /** No case the importer may know of has the row's reference: a new case, the importer its lead. */
    CREATE,
    /** A case of the importer's team has the reference, and the row changes it. */
    UPDATE,
    /** A case of the importer's team has the reference, and already holds what the row says. */
    UNCHANGED,
    /** The row is refused; its errors say why. A real import with one such row writes nothing. */
    ERROR
}
