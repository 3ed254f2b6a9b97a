package org.parley.console.transfer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.console.web.Paths;

/**
 * An import's report as the page shows it, the same for cases and interviews: each row's number, external reference,
 * action, errors (field and message, as the service wrote them: never a value of the file) and, for a record that
 * exists, the link to its page. Read from the service's JSON: the 200 report, or the {@code rows} of a 422 problem
 * (whose counts are then counted here).
 */
public record ImportReportView(boolean dryRun, List<Row> rows, int created, int updated, int unchanged, int errors) {

    public record Row(int row, String externalReference, String action, String link, List<FieldError> errors) {}

    public record FieldError(String field, String message) {}

    /** Rows a real import would write (created or updated). */
    public int toWrite() {
        return created + updated;
    }

    static ImportReportView of(JsonNode report, boolean dryRun, ImportKind kind) {
        List<Row> rows = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int errors = 0;
        for (JsonNode row : report.path("rows")) {
            String action = row.path("action").asText("ERROR");
            switch (action) {
                case "CREATE" -> created++;
                case "UPDATE" -> updated++;
                case "UNCHANGED" -> unchanged++;
                default -> errors++;
            }
            String id = row.path(kind.idField()).textValue();
            List<FieldError> fieldErrors = new ArrayList<>();
            for (JsonNode error : row.path("errors")) {
                fieldErrors.add(new FieldError(
                        error.path("field").asText(""), error.path("message").asText("")));
            }
            rows.add(new Row(
                    row.path("row").asInt(),
                    row.path("externalReference").textValue(),
                    action,
                    id != null && Paths.isId(id) ? kind.pages() + id : null,
                    List.copyOf(fieldErrors)));
        }
        return new ImportReportView(dryRun, List.copyOf(rows), created, updated, unchanged, errors);
    }
}
