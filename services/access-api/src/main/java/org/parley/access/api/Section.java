package org.parley.access.api;

/** A part of a case a viewer may or may not see (the policy library's enum of the same names, in its order). */
public enum Section {
    HEADER,
    CONTEXT,
    PROCESS,
    RESULTS,
    INTERVIEWS
}
