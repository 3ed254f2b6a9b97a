package org.parley.cases.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.ImportReport;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;
import org.parley.cases.casefile.ImportWrites;
import org.parley.cases.export.CsvColumns;

/**
 * One CSV row, read back into a case's sections the way {@link CsvColumns} wrote them. A CSV cannot carry all a case
 * holds (citations, or which entry of a repeated block a value belongs to when an entry lacks one), so a row writes
 * only what it changes: each cell is compared with the cell the export would write for the case, and only a cell that
 * differs replaces its dimension (dropping that value's citations). A repeated block whose cells differ is rebuilt
 * entry by entry: each of its columns holds one value per entry, or none.
 *
 * @param cells the row's cells by column name
 */
record CsvRow(int number, Map<String, String> cells) implements ImportedRow {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final String TIMELINE = "process.timeline";

    @Override
    public String reference() {
        String reference = cells.get(CsvColumns.EXTERNAL_REFERENCE);
        return reference == null || reference.isEmpty() ? null : reference;
    }

    @Override
    public List<ImportReport.FieldError> readErrors() {
        List<ImportReport.FieldError> errors = new ArrayList<>();
        ImportedRow.referenceProblem(reference())
                .ifPresent(problem -> errors.add(new ImportReport.FieldError(CsvColumns.EXTERNAL_REFERENCE, problem)));
        return errors;
    }

    @Override
    public ImportWrites.Sections sections(ImportWrites.Sections stored, List<ImportReport.FieldError> errors) {
        Map<String, String> before = stored == null ? Map.of() : cellsOf(stored);
        Map<String, ObjectNode> documents = new HashMap<>();
        documents.put("header", copy(stored == null ? null : stored.header()));
        documents.put("context", copy(stored == null ? null : stored.context()));
        documents.put("process", copy(stored == null ? null : stored.process()));
        documents.put("results", copy(stored == null ? null : stored.results()));
        List<ObjectNode> timeline = stored == null ? List.of() : stored.timeline();
        int errorsBefore = errors.size();

        ObjectNode header = documents.get("header");
        if (differs(CsvColumns.TITLE, before)) {
            setText(header, "title", cells.get(CsvColumns.TITLE));
        }
        if (differs(CsvColumns.COUNTRY, before)) {
            setText(header, "country", cells.get(CsvColumns.COUNTRY));
        }
        if (differs(CsvColumns.PERIOD, before)) {
            period(header, cells.get(CsvColumns.PERIOD));
        }
        Map<String, List<Dimension>> changedBlocks = new LinkedHashMap<>();
        for (Dimension dimension : CsvColumns.DIMENSIONS) {
            if (dimension.block() != null) {
                changedBlocks.computeIfAbsent(dimension.block(), block -> new ArrayList<>());
                changedBlocks.get(dimension.block()).add(dimension);
                continue;
            }
            if (differs(dimension.key(), before)) {
                single(documents, dimension, errors);
            }
        }
        for (Map.Entry<String, List<Dimension>> block : changedBlocks.entrySet()) {
            boolean changed = block.getValue().stream().anyMatch(dimension -> differs(dimension.key(), before));
            if (!changed) {
                continue;
            }
            Optional<ArrayNode> entries = entries(block.getKey(), block.getValue(), errors);
            if (entries.isEmpty()) {
                continue;
            }
            if (block.getKey().equals(TIMELINE)) {
                List<ObjectNode> rebuilt = new ArrayList<>();
                entries.get().forEach(entry -> rebuilt.add((ObjectNode) entry));
                timeline = rebuilt;
            } else {
                String section = block.getKey().substring(0, block.getKey().indexOf('.'));
                setAt(documents.get(section), block.getKey().substring(section.length() + 1), entries.get());
            }
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new ImportWrites.Sections(
                header, documents.get("context"), documents.get("process"), documents.get("results"), timeline);
    }

    /** The cells the export would write for the stored case, by column. */
    private static Map<String, String> cellsOf(ImportWrites.Sections stored) {
        ObjectNode coded = NODES.objectNode();
        coded.set("header", stored.header());
        coded.set("context", stored.context());
        ObjectNode process = stored.process().deepCopy();
        ArrayNode timeline = process.putArray("timeline");
        stored.timeline().forEach(timeline::add);
        coded.set("process", process);
        coded.set("results", stored.results());
        List<String> cells = CsvColumns.cells(coded);
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            byColumn.put(CsvColumns.NAMES.get(i), cells.get(i));
        }
        return byColumn;
    }

    private boolean differs(String column, Map<String, String> before) {
        return !cells.get(column).equals(before.getOrDefault(column, ""));
    }

    private static ObjectNode copy(ObjectNode document) {
        return document == null ? NODES.objectNode() : document.deepCopy();
    }

    private static void setText(ObjectNode object, String field, String text) {
        if (text.isEmpty()) {
            object.remove(field);
        } else {
            object.put(field, text);
        }
    }

    /** {@code start/end} as written; an end left empty while it goes on. */
    private static void period(ObjectNode header, String cell) {
        if (cell.isEmpty()) {
            header.remove("period");
            return;
        }
        int slash = cell.indexOf('/');
        ObjectNode period = header.putObject("period");
        setText(period, "start", slash < 0 ? cell : cell.substring(0, slash));
        if (slash >= 0) {
            setText(period, "end", cell.substring(slash + 1));
        }
    }

    /** A dimension a case holds once: its cell replaces it, and the citations of the value it replaces go. */
    private void single(Map<String, ObjectNode> documents, Dimension dimension, List<ImportReport.FieldError> errors) {
        String key = dimension.key();
        String section = key.substring(0, key.indexOf('.'));
        String path = key.substring(section.length() + 1);
        List<String> values = CsvColumns.values(cells.get(key));
        JsonNode value = null;
        if (dimension.type() == DimensionType.SEVERAL) {
            ArrayNode several = NODES.arrayNode();
            values.forEach(several::add);
            value = values.isEmpty() ? null : several;
        } else if (values.size() > 1) {
            errors.add(new ImportReport.FieldError(
                    key, "holds several values where one is expected (write \\; for a ; inside a value)"));
            return;
        } else if (values.size() == 1) {
            value = value(dimension, values.get(0));
        }
        ObjectNode owner = objectAt(documents.get(section), path);
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (value == null) {
            owner.remove(field);
        } else {
            owner.set(field, value);
        }
        JsonNode sources = owner.get("sources");
        if (sources != null && sources.isObject()) {
            ((ObjectNode) sources).remove(field);
            if (sources.isEmpty()) {
                owner.remove("sources");
            }
        }
    }

    /**
     * A repeated block's entries from its columns: as many entries as its single-valued columns hold values (each
     * the same number, or none); a several-valued column only for a block of one entry. Empty, with errors, when the
     * cells cannot be split so.
     */
    private Optional<ArrayNode> entries(String block, List<Dimension> columns, List<ImportReport.FieldError> errors) {
        Map<Dimension, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        boolean several = false;
        for (Dimension dimension : columns) {
            List<String> split = CsvColumns.values(cells.get(dimension.key()));
            values.put(dimension, split);
            if (dimension.type() == DimensionType.SEVERAL) {
                several |= !split.isEmpty();
            } else {
                count = Math.max(count, split.size());
            }
        }
        if (count == 0 && several) {
            count = 1;
        }
        int before = errors.size();
        for (Map.Entry<Dimension, List<String>> column : values.entrySet()) {
            int held = column.getValue().size();
            if (held == 0) {
                continue;
            }
            if (column.getKey().type() == DimensionType.SEVERAL && count > 1) {
                errors.add(new ImportReport.FieldError(
                        column.getKey().key(),
                        "cannot be shared out among the " + count + " entries of " + block
                                + " (import this case as JSON)"));
            } else if (column.getKey().type() != DimensionType.SEVERAL && held != count) {
                errors.add(new ImportReport.FieldError(
                        column.getKey().key(),
                        "holds " + held + " values where " + block + " has " + count
                                + " entries: one value per entry (import this case as JSON when an entry has none)"));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        ArrayNode entries = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode entry = entries.addObject();
            for (Map.Entry<Dimension, List<String>> column : values.entrySet()) {
                List<String> held = column.getValue();
                if (held.isEmpty()) {
                    continue;
                }
                String inEntry = column.getKey().key().substring(block.length() + 1);
                JsonNode value;
                if (column.getKey().type() == DimensionType.SEVERAL) {
                    ArrayNode all = NODES.arrayNode();
                    held.forEach(all::add);
                    value = all;
                } else {
                    value = value(column.getKey(), held.get(i));
                }
                setAt(entry, inEntry, value);
            }
        }
        return Optional.of(entries);
    }

    /** One value as its type writes it; text the codebook then refuses stays text, so the refusal names the field. */
    private static JsonNode value(Dimension dimension, String written) {
        return switch (dimension.type()) {
            case NUMBER_OR_RANGE -> numberOrRange(written);
            case BOOLEAN ->
                written.equals("true")
                        ? NODES.booleanNode(true)
                        : written.equals("false") ? NODES.booleanNode(false) : NODES.textNode(written);
            default -> NODES.textNode(written);
        };
    }

    private static JsonNode numberOrRange(String written) {
        int dots = written.indexOf("..");
        if (dots > 0) {
            JsonNode low = number(written.substring(0, dots));
            JsonNode high = number(written.substring(dots + 2));
            if (low.isNumber() && high.isNumber()) {
                ObjectNode range = NODES.objectNode();
                range.set("low", low);
                range.set("high", high);
                return range;
            }
            return NODES.textNode(written);
        }
        return number(written);
    }

    private static JsonNode number(String written) {
        if (WHOLE.matcher(written).matches() && written.length() < 18) {
            return NODES.numberNode(Long.parseLong(written));
        }
        if (NUMBER.matcher(written).matches()) {
            return NODES.numberNode(new java.math.BigDecimal(written));
        }
        return NODES.textNode(written);
    }

    /** The object holding the last part of a dotted path, made on the way where missing. */
    private static ObjectNode objectAt(ObjectNode document, String dotted) {
        ObjectNode current = document;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next != null && next.isObject() ? (ObjectNode) next : current.putObject(parts[i]);
        }
        return current;
    }

    private static void setAt(ObjectNode document, String dotted, JsonNode value) {
        ObjectNode owner = objectAt(document, dotted);
        owner.set(dotted.substring(dotted.lastIndexOf('.') + 1), value);
    }
}
