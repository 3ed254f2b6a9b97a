package org.parley.interviews.api;

import java.util.List;

/**
 * A quote marked for sharing: its number, text and status ({@code PROPOSED} or {@code APPROVED}); the
 * attribution is null when the consent allows none; {@code researchQuestions} are the codebook's codes (RQ1 to
 * RQ8) of the research questions the excerpt informs, as proposed (possibly none).
 */
public record ExcerptView(
        int n, String text, String status, AttributionView attribution, List<String> researchQuestions) {
    @Override
    public String toString() {
        return "ExcerptView[" + n + "]";
    }
}
