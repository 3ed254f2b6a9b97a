package org.parley.console.transfer;

import java.util.Arrays;
import java.util.Optional;

/** What the import page's file holds, as chosen in its form: the service it goes to and its content type. */
public enum ImportKind {
    CASES_JSON("cases-json", "/cases/"),
    CASES_CSV("cases-csv", "/cases/"),
    INTERVIEWS_JSON("interviews-json", "/interviews/");

    private final String form;
    private final String pages;

    ImportKind(String form, String pages) {
        this.form = form;
        this.pages = pages;
    }

    /** The value in the form's select (and its label's key, {@code importKind_cases_json}). */
    public String form() {
        return form;
    }

    /** Where the console shows one of the records it creates: the prefix of its page. */
    String pages() {
        return pages;
    }

    /** The report's name for the id of a row's record. */
    String idField() {
        return this == INTERVIEWS_JSON ? "interviewId" : "caseId";
    }

    static Optional<ImportKind> of(String form) {
        return Arrays.stream(values()).filter(kind -> kind.form.equals(form)).findFirst();
    }
}
