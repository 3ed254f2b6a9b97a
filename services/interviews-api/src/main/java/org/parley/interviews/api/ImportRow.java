package org.parley.interviews.api;

import java.util.List;
import java.util.UUID;

/**
 * One row of an import's report. {@code row} counts from 1 in file order; {@code externalReference} is null when the
 * row has none that could be read; {@code interviewId} is the interview created (a real import) or already imported
 * ({@code UNCHANGED}), else null. Errors name the field and what is wrong with it, never its value.
 */
public record ImportRow(
        int row, String externalReference, ImportAction action, UUID interviewId, List<FieldError> errors) {

    /** One refused field of the row: where it is in the interview ({@code identity.name}) and what is wrong. */
    public record FieldError(String field, String message) {}
}
