package org.parley.interviews.interview;

import jakarta.validation.constraints.NotNull;

import org.parley.interviews.api.Attribution;

/** What the interviewee agreed to, as sent (answered as the API's {@code Consent}). */
public record ConsentInput(
        @NotNull Boolean mayQuote,
        @NotNull Attribution attribution,
        @NotNull Boolean mayShareWithPartners) {}
