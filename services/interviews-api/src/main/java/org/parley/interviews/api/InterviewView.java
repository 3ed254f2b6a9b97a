package org.parley.interviews.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An interview's content as members of every linked case see it. Never carries the identity. */
public record InterviewView(
        UUID id,
        long version,
        String pseudonym,
        String descriptor,
        IntervieweeCategory category,
        String date,
        String country,
        List<String> interviewers,
        InterviewMode mode,
        String language,
        List<String> linkedCases,
        Consent consent,
        List<Theme> themes,
        String notes,
        String transcript,
        List<Quote> quotes,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "InterviewView[" + id + "]";
    }
}
