package org.parley.interviews.api;

/** How the interview was held. */
public enum InterviewMode {
    IN_PERSON,
    REMOTE
}
