package org.parley.interviews.interview;

public enum InterviewMode {
    IN_PERSON,
    REMOTE
}
