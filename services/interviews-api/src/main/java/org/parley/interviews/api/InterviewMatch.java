package org.parley.interviews.api;

import java.util.UUID;

/**
 * One interview the identity custodian's lookup found: enough to tell it apart and start a reveal, and nothing of
 * its content, its cases or its interviewee. {@code date} is the interview's month (YYYY-MM).
 */
public record InterviewMatch(UUID id, String pseudonym, String date, int linkedCases) {
    @Override
    public String toString() {
        return "InterviewMatch[" + id + "]";
    }
}
