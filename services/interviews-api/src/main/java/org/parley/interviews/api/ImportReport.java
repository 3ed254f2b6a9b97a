package org.parley.interviews.api;

import java.util.List;

/**
 * What an import did, or would do in a dry run: one entry per row of the file, in order, and the counts of each
 * action ({@code errors} counts the rows with errors).
 */
public record ImportReport(boolean dryRun, List<ImportRow> rows, int created, int unchanged, int errors) {}
