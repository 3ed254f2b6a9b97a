package org.parley.cases.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.ImportApi;
import org.parley.cases.api.ImportReport;
import org.parley.cases.casefile.ImportWrites;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;
import org.parley.web.RefusedTextException;

/**
 * A JSON import file: a list of case documents, or an export's whole {@code {"meta": …, "cases": […]}}, each
 * document in the shape {@code GET /cases/{id}/coded} answers. What the service owns or the access service decides
 * ({@code id}, {@code version}, the header's {@code tier} and {@code resultsReleased}, a timeline entry's {@code id})
 * is read and ignored, so an export imports as it is.
 */
final class JsonImportFile {

    private static final Set<String> DOCUMENT_FIELDS =
            Set.of("id", "version", ImportedRow.EXTERNAL_REFERENCE, "header", "context", "process", "results");
    private static final Set<String> IGNORED_IN_HEADER = Set.of("tier", "resultsReleased");

    private JsonImportFile() {}

    /**
     * The file's rows; a 400 when it is no such file as a whole.
     *
     * @param json the mapper of request bodies, which refuses control characters in any string
     */
    static List<ImportedRow> read(byte[] body, ObjectMapper json) {
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (RefusedTextException e) {
            throw new ProblemException(Problems.badRequest("The JSON holds a text that " + e.reason() + where(e)));
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problems.badRequest("The body is not valid JSON" + where(e)));
        } catch (IOException e) {
            throw new ProblemException(Problems.badRequest("The body is not valid JSON."));
        }
        JsonNode cases = tree != null && tree.isObject() ? tree.get("cases") : tree;
        if (cases == null || !cases.isArray()) {
            throw new ProblemException(Problems.invalid(List.of(new Problem.FieldError(
                    "body", "must be a list of case documents, or an export's {\"meta\": …, \"cases\": […]}"))));
        }
        if (cases.size() > ImportApi.MAX_ROWS) {
            throw new ProblemException(Problems.badRequest("The file holds " + cases.size() + " cases; an import"
                    + " takes at most " + ImportApi.MAX_ROWS + ". Split it."));
        }
        List<ImportedRow> rows = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            rows.add(row(i + 1, cases.get(i)));
        }
        return rows;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? "." : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ").";
    }

    private static ImportedRow row(int number, JsonNode document) {
        List<ImportReport.FieldError> errors = new ArrayList<>();
        if (!document.isObject()) {
            errors.add(new ImportReport.FieldError("case", "must be a case document (an object)"));
            return new JsonRow(number, null, errors, null);
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!DOCUMENT_FIELDS.contains(name)) {
                errors.add(new ImportReport.FieldError(name, "is not part of a case document"));
            }
        }
        JsonNode reference = document.get(ImportedRow.EXTERNAL_REFERENCE);
        String written = reference != null && reference.isTextual() ? reference.textValue() : null;
        if (reference != null && !reference.isNull() && !reference.isTextual()) {
            errors.add(new ImportReport.FieldError(ImportedRow.EXTERNAL_REFERENCE, "must be text"));
        } else {
            ImportedRow.referenceProblem(written)
                    .ifPresent(problem ->
                            errors.add(new ImportReport.FieldError(ImportedRow.EXTERNAL_REFERENCE, problem)));
        }
        ObjectNode header = section(document, "header", errors);
        if (header != null) {
            IGNORED_IN_HEADER.forEach(header::remove);
        }
        ObjectNode context = section(document, "context", errors);
        ObjectNode process = section(document, "process", errors);
        ObjectNode results = section(document, "results", errors);
        List<ObjectNode> timeline = null;
        if (process != null && process.has("timeline")) {
            timeline = timeline(process.remove("timeline"), errors);
        }
        return new JsonRow(
                number, written, errors, new ImportWrites.Sections(header, context, process, results, timeline));
    }

    /** A section as given (a copy), null when absent or null: left as the case holds it. */
    private static ObjectNode section(JsonNode document, String name, List<ImportReport.FieldError> errors) {
        JsonNode section = document.get(name);
        if (section == null || section.isNull()) {
            return null;
        }
        if (!section.isObject()) {
            errors.add(new ImportReport.FieldError(name, "must be an object"));
            return null;
        }
        return ((ObjectNode) section).deepCopy();
    }

    private static List<ObjectNode> timeline(JsonNode entries, List<ImportReport.FieldError> errors) {
        if (entries.isNull()) {
            return null;
        }
        if (!entries.isArray()) {
            errors.add(new ImportReport.FieldError("process.timeline", "must be a list of entries"));
            return null;
        }
        List<ObjectNode> timeline = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                errors.add(new ImportReport.FieldError("process.timeline[" + i + "]", "must be an object"));
                continue;
            }
            ObjectNode copy = ((ObjectNode) entry).deepCopy();
            // the entry's id is the case's own: a new entry gets one of its own
            copy.remove("id");
            timeline.add(copy);
        }
        return timeline;
    }

    /** A JSON document's row: its sections do not depend on the case it meets. */
    private record JsonRow(
            int number, String reference, List<ImportReport.FieldError> readErrors, ImportWrites.Sections given)
            implements ImportedRow {

        @Override
        public ImportWrites.Sections sections(ImportWrites.Sections stored, List<ImportReport.FieldError> errors) {
            return given;
        }
    }
}
