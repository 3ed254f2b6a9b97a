package org.parley.interviews.api;

/** What an import does with one row of the file (the same word in a dry run and in a real import). */
public enum ImportAction {
    /** A new interview: the row passed every check and its reference is new for the importer. */
    CREATE,
    /**
     * The importer already imported an interview with this reference: nothing is written, whatever the row holds
     * now (an import never changes an interview; PATCH /interviews/{id} does).
     */
    UNCHANGED,
    /** The row has errors; a real import with any such row writes nothing at all. */
    ERROR
}
