package org.parley.interviews.interview;

import jakarta.validation.constraints.NotNull;

/** What the interviewee agreed to. Quoting to partners needs both {@code mayQuote} and {@code mayShareWithPartners}. */
public record Consent(
        @NotNull Boolean mayQuote,
        @NotNull Attribution attribution,
        @NotNull Boolean mayShareWithPartners) {

    public boolean allowsSharingQuotes() {
        return Boolean.TRUE.equals(mayQuote) && Boolean.TRUE.equals(mayShareWithPartners);
    }
}
