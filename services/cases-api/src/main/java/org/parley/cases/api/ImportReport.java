package org.parley.cases.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of a bulk import ({@code POST /cases/import}): what was done, or in a dry run what would be done, with
 * each row, and the totals. Errors name the field and say what is wrong in words, never quoting a value.
 *
 * @param dryRun whether nothing was written
 */
@Schema(description = "What a bulk import did, or would do in a dry run, row by row")
public record ImportReport(boolean dryRun, List<Row> rows, int created, int updated, int unchanged, int errors) {

    /**
     * One row of the file.
     *
     * @param row its number as a person counts rows: the first case of a JSON list, or the first data row of a CSV
     *     (after the header row), is 1
     * @param externalReference the row's reference, or null when it has none
     * @param caseId the case it updates or leaves unchanged, or, after a real import, the case it created; null in a
     *     dry run's CREATE and for an ERROR
     */
    @Schema(description = "One row of an import and what happens to it")
    public record Row(int row, String externalReference, ImportAction action, String caseId, List<FieldError> errors) {}

    /** One refused field of a row: its name (a CSV column or a path in the case document) and what is wrong. */
    public record FieldError(String field, String message) {}

    /** The report of these rows, counted. */
    public static ImportReport of(boolean dryRun, List<Row> rows) {
        return new ImportReport(
                dryRun,
                List.copyOf(rows),
                count(rows, ImportAction.CREATE),
                count(rows, ImportAction.UPDATE),
                count(rows, ImportAction.UNCHANGED),
                count(rows, ImportAction.ERROR));
    }

    private static int count(List<Row> rows, ImportAction action) {
        return (int) rows.stream().filter(row -> row.action() == action).count();
    }

    /**
     * The 422 answer of a real import with a refused row (RFC 9457, {@code application/problem+json}): nothing was
     * written; {@code rows} is the per-row report, naming the refused rows.
     */
    @Schema(description = "A real import refused because of its rows: nothing was written; rows says which and why")
    public record Refused(String type, String title, int status, String detail, List<Row> rows) {}
}
