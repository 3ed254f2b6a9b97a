package org.parley.policy;

/** The parts of a case that are shown or hidden as a whole (docs/secrecy-model.md §2). */
public enum Section {
    HEADER,
    CONTEXT,
    PROCESS,
    RESULTS,
    /** Links to confidential interviews; their content lives in the interviews service. */
    INTERVIEWS
}
