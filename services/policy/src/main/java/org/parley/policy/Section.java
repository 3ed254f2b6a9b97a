package org.parley.policy;

/** The parts of a case that are shown or hidden as a whole (secrecy model, section 2). */
public enum Section {
    HEADER,
    CONTEXT,
    PROCESS,
    RESULTS,
    /** Links to confidential interviews; their content lives in the interviews service. */
    INTERVIEWS
}
