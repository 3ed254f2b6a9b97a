package org.parley.interviews.imports;

import org.parley.interviews.api.ImportReport;

/**
 * A real import with rows in error: thrown so that the import's transaction rolls back, answered 422 with the report
 * (InterviewImportResource). No message and no stack trace: nothing of the file can reach a log through it.
 */
public final class ImportRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImportReport report;

    ImportRefused(ImportReport report) {
        super(null, null, false, false);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
