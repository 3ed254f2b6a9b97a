package org.parley.cases.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;

/**
 * The columns of a CSV export and a case's cells: id, title, country, period, tier, then one column per codebook
 * dimension not already among those, named by its key, in the codebook's order. Cells are read from the case's coded
 * document as the reader is answered it, so a section it lacks gives empty cells, as uncoded values do.
 */
final class CsvColumns {

    /** The dimensions the leading columns already hold. */
    private static final Set<String> LEADING_DIMENSIONS =
            Set.of("header.title", "header.country", "header.period.start", "header.period.end");

    /** The codebook's dimensions that get a column, in order. */
    static final List<Dimension> DIMENSIONS = Codebook.standard().dimensions().stream()
            .filter(dimension -> !LEADING_DIMENSIONS.contains(dimension.key()))
            .toList();

    /** The header row. */
    static final List<String> NAMES = names();

    private static final Pattern DOT = Pattern.compile("\\.");

    private static final char SEPARATOR = ';';
    private static final char ESCAPE = '\\';

    private CsvColumns() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("id", "title", "country", "period", "tier"));
        DIMENSIONS.forEach(dimension -> names.add(dimension.key()));
        return List.copyOf(names);
    }

    /**
     * One case's cells, in the order of {@link #NAMES}.
     *
     * @param coded the case's coded document as a tree ({@code id}, {@code header}, {@code context}, …)
     */
    static List<String> cells(JsonNode coded) {
        List<String> cells = new ArrayList<>(NAMES.size());
        JsonNode header = coded.path("header");
        cells.add(coded.path("id").asText());
        cells.add(text(header.path("title")));
        cells.add(text(header.path("country")));
        JsonNode period = header.path("period");
        cells.add(period.isObject() ? text(period.path("start")) + "/" + text(period.path("end")) : "");
        cells.add(text(header.path("tier")));
        for (Dimension dimension : DIMENSIONS) {
            List<String> values = new ArrayList<>();
            collect(coded, dimension, values);
            cells.add(String.join(String.valueOf(SEPARATOR), values));
        }
        return cells;
    }

    /** The dimension's values in document order: one per entry of its block, each of several values. */
    private static void collect(JsonNode coded, Dimension dimension, List<String> values) {
        String key = dimension.key();
        if (dimension.block() == null) {
            add(at(coded, key), values);
            return;
        }
        String inEntry = key.substring(dimension.block().length() + 1);
        for (JsonNode entry : at(coded, dimension.block())) {
            add(at(entry, inEntry), values);
        }
    }

    /** The node at a dotted path ({@code process.verification.methods}); missing when any part is absent. */
    private static JsonNode at(JsonNode node, String dotted) {
        JsonNode current = node;
        for (String field : DOT.split(dotted)) {
            current = current.path(field);
        }
        return current;
    }

    private static void add(JsonNode value, List<String> values) {
        if (value.isArray()) {
            value.forEach(element -> add(element, values));
        } else if (value.isObject() && value.has("low")) {
            values.add(escaped(
                    value.path("low").asText() + ".." + value.path("high").asText()));
        } else if (value.isValueNode() && !value.isNull()) {
            values.add(escaped(value.asText()));
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** A value with the separator and the escape character escaped, so a cell splits back into its values. */
    private static String escaped(String value) {
        if (value.indexOf(SEPARATOR) < 0 && value.indexOf(ESCAPE) < 0) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
