package org.parley.cases.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;

/**
 * The columns of a CSV export and a case's cells: id, externalReference, title, country, period, tier, then one column
 * per codebook dimension not already among those, named by its key, in the codebook's order. Cells are read from the
 * case's coded document as the reader is answered it, so a section it lacks gives empty cells, as uncoded values do.
 * The import (package {@code imports}) reads the same columns back, and compares a row with these cells.
 */
public final class CsvColumns {

    /** The dimensions the leading columns already hold. */
    private static final Set<String> LEADING_DIMENSIONS =
            Set.of("header.title", "header.country", "header.period.start", "header.period.end");

    /** The codebook's dimensions that get a column, in order. */
    public static final List<Dimension> DIMENSIONS = Codebook.standard().dimensions().stream()
            .filter(dimension -> !LEADING_DIMENSIONS.contains(dimension.key()))
            .toList();

    /** The header row. */
    public static final List<String> NAMES = names();

    /** The leading columns, by name. */
    public static final String ID = "id";

    public static final String EXTERNAL_REFERENCE = "externalReference";
    public static final String TITLE = "title";
    public static final String COUNTRY = "country";
    public static final String PERIOD = "period";
    public static final String TIER = "tier";

    private static final Pattern DOT = Pattern.compile("\\.");

    /** What joins several values in a cell, and what escapes it (and itself) inside a value. */
    public static final char SEPARATOR = ';';

    public static final char ESCAPE = '\\';

    private CsvColumns() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(ID, EXTERNAL_REFERENCE, TITLE, COUNTRY, PERIOD, TIER));
        DIMENSIONS.forEach(dimension -> names.add(dimension.key()));
        return List.copyOf(names);
    }

    /**
     * One case's cells, in the order of {@link #NAMES}.
     *
     * @param coded the case's coded document as a tree ({@code id}, {@code header}, {@code context}, …)
     */
    public static List<String> cells(JsonNode coded) {
        List<String> cells = new ArrayList<>(NAMES.size());
        JsonNode header = coded.path("header");
        cells.add(coded.path("id").asText());
        cells.add(text(coded.path("externalReference")));
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
    public static JsonNode at(JsonNode node, String dotted) {
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

    /**
     * A cell's values: split at each separator not escaped, escapes removed ({@code a\\;b;c} is {@code a;b} and
     * {@code c}); none for an empty cell. The inverse of how {@link #cells} joins them.
     */
    public static List<String> values(String cell) {
        List<String> values = new ArrayList<>();
        if (cell.isEmpty()) {
            return values;
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ESCAPE && i + 1 < cell.length()) {
                value.append(cell.charAt(++i));
            } else if (c == SEPARATOR) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
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
