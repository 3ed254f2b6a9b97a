package org.parley.console.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportReportViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE = "3f1c2a9e-1b2c-4d5e-8f90-123456789abc";

    @Test
    void aCasesReportIsShownRowByRowWithLinksToTheCasesItWrote() throws Exception {
        JsonNode report = JSON.readTree("""
                {"dryRun": false, "created": 1, "updated": 1, "unchanged": 1, "errors": 0, "rows": [
                  {"row": 1, "externalReference": "A-1", "action": "CREATE", "caseId": "%s", "errors": []},
                  {"row": 2, "externalReference": "A-2", "action": "UPDATE", "caseId": "%s", "errors": []},
                  {"row": 3, "externalReference": "A-3", "action": "UNCHANGED", "caseId": "../access", "errors": []}
                ]}""".formatted(CASE, CASE));

        ImportReportView view = ImportReportView.of(report, false, ImportKind.CASES_CSV);

        assertThat(view.rows()).extracting(ImportReportView.Row::row).containsExactly(1, 2, 3);
        assertThat(view.rows())
                .extracting(ImportReportView.Row::action)
                .containsExactly("CREATE", "UPDATE", "UNCHANGED");
        assertThat(view.rows().get(0).link()).isEqualTo("/cases/" + CASE);
        // only an id-shaped value becomes a link
        assertThat(view.rows().get(2).link()).isNull();
        assertThat(view.toWrite()).isEqualTo(2);
        assertThat(view.unchanged()).isEqualTo(1);
    }

    @Test
    void aRefusedImportsRowsAreCountedHereAndTheirErrorsKept() throws Exception {
        // a 422 problem: the rows, no counts
        JsonNode refusal = JSON.readTree("""
                {"type": "https://parley.example/problems/import-has-errors", "status": 422, "rows": [
                  {"row": 1, "externalReference": "I-1", "action": "CREATE", "interviewId": null, "errors": []},
                  {"row": 2, "externalReference": null, "action": "ERROR", "interviewId": null,
                   "errors": [{"field": "externalReference", "message": "must not be blank"},
                              {"field": "linkedCases[0]", "message": "no case you may link has this id"}]}
                ]}""");

        ImportReportView view = ImportReportView.of(refusal, false, ImportKind.INTERVIEWS_JSON);

        assertThat(view.created()).isEqualTo(1);
        assertThat(view.errors()).isEqualTo(1);
        assertThat(view.rows().get(1).externalReference()).isNull();
        assertThat(view.rows().get(1).errors())
                .extracting(ImportReportView.FieldError::field)
                .containsExactly("externalReference", "linkedCases[0]");
        assertThat(view.rows()).allSatisfy(row -> assertThat(row.link()).isNull());
    }

    @Test
    void anInterviewsLinkGoesToTheInterviewsPage() throws Exception {
        JsonNode report = JSON.readTree("""
                {"rows": [{"row": 1, "externalReference": "I-1", "action": "UNCHANGED", "interviewId": "%s"}]}""".formatted(CASE));

        assertThat(ImportReportView.of(report, true, ImportKind.INTERVIEWS_JSON)
                        .rows()
                        .get(0)
                        .link())
                .isEqualTo("/interviews/" + CASE);
    }

    @Test
    void onlyTheFormsKindsAreRead() {
        assertThat(ImportKind.of("cases-csv")).contains(ImportKind.CASES_CSV);
        assertThat(ImportKind.of("interviews-json")).contains(ImportKind.INTERVIEWS_JSON);
        assertThat(ImportKind.of("interviews-csv")).isEmpty();
        assertThat(ImportKind.of(null)).isEmpty();
    }

    @Test
    void onlyAPlainAttachmentHeaderIsPassedOn() {
        assertThat(Downloads.safe("attachment; filename=\"parley-cases-2026-12-03.csv\""))
                .isTrue();
        assertThat(Downloads.safe("attachment; filename=dossier-3f1c2a9e.pdf")).isTrue();
        assertThat(Downloads.safe("inline")).isFalse();
        assertThat(Downloads.safe("attachment; filename=\"../../etc/passwd\"")).isFalse();
        assertThat(Downloads.safe("attachment; filename=\"a.csv\"\r\nSet-Cookie: x=y"))
                .isFalse();
    }
}
