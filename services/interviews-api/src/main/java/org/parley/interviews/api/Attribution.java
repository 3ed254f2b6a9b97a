package org.parley.interviews.api;

/** How a shared excerpt may be attributed, as the interviewee consented. */
public enum Attribution {
    /** Pseudonym and descriptor ("Official B, ex-Colombian government official"). */
    DESCRIPTOR,
    /** The interviewee category only ("GOVERNMENT_OFFICIAL"). */
    CATEGORY,
    /** No attribution at all. */
    NONE
}
