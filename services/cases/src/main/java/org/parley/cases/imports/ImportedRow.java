package org.parley.cases.imports;

import java.util.List;
import java.util.Optional;

import org.parley.cases.api.ImportReport;
import org.parley.cases.casefile.ImportWrites;
import org.parley.web.ControlCharacters;

/** One row of an import file as read: its number, its reference, and the sections it gives a case. */
interface ImportedRow {

    /** The longest external reference, in characters (the column's check in migration V7). */
    int REFERENCE_LENGTH = 200;

    String EXTERNAL_REFERENCE = "externalReference";

    /** Its number as a person counts rows: the first is 1. */
    int number();

    /** Its external reference as written, or null when it has none. */
    String reference();

    /** What was wrong with it as read, before any case is looked at. */
    List<ImportReport.FieldError> readErrors();

    /**
     * The sections this row gives a case that holds {@code stored} (null: a new case), or null when it cannot say:
     * then {@code errors} says why.
     */
    ImportWrites.Sections sections(ImportWrites.Sections stored, List<ImportReport.FieldError> errors);

    /** What is wrong with a reference, in words; empty when it is usable. */
    static Optional<String> referenceProblem(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.of("is required: every row needs the reference your own records give the case");
        }
        if (reference.codePointCount(0, reference.length()) > REFERENCE_LENGTH) {
            return Optional.of("may hold at most " + REFERENCE_LENGTH + " characters");
        }
        if (!reference.equals(reference.strip())) {
            return Optional.of("must not begin or end with spaces");
        }
        return ControlCharacters.refusal(reference);
    }
}
