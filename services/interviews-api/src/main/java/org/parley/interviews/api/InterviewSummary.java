package org.parley.interviews.api;

import java.util.List;
import java.util.UUID;

/** One search hit: the fields kept in clear, never the descriptor, notes, transcript or quotes. */
public record InterviewSummary(
        UUID id,
        String pseudonym,
        IntervieweeCategory category,
        String date,
        String country,
        InterviewMode mode,
        String language,
        List<Theme> themes,
        List<String> linkedCases) {}
