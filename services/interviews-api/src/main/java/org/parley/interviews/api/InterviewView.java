package org.parley.interviews.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An interview's content as members of every linked case see it. Never carries the identity.
 * {@code researchQuestions} are the codes (RQ1 to RQ8) of the research agenda's questions it informs, as the
 * codebook ({@code GET /codebook} on the cases service) names them; possibly none.
 */
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
        List<String> researchQuestions,
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
