package org.parley.interviews.interview;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A quotable passage, as sent. {@code n} may be left out; quotes are then numbered in order from 1 (and
 * answered as the API's {@code Quote}).
 */
public record QuoteInput(
        @Positive @Max(10_000) Integer n,
        @NotBlank @Size(max = 5_000) String text) {}
