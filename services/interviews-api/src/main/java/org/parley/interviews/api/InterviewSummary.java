package org.parley.interviews.api;

import java.util.List;
import java.util.UUID;

/**
 * One search hit: the fields kept in clear, never the descriptor, notes, transcript or quotes.
 * {@code researchQuestions} are the codebook's codes (RQ1 to RQ8) of the questions it informs.
 */
public record InterviewSummary(
        UUID id,
        String pseudonym,
        IntervieweeCategory category,
        String date,
        String country,
        InterviewMode mode,
        String language,
        List<Theme> themes,
        List<String> researchQuestions,
        List<String> linkedCases) {}
