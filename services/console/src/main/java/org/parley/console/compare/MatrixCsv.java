package org.parley.console.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.SpreadsheetCell;
import org.parley.console.web.Fmt;

/**
 * The matrix a reader sees, as CSV: one row per case, a column per dimension with the values' labels in the reader's
 * language (several joined by "; "), empty where uncoded, "—" where the reader may not see the section. A cell that a
 * spreadsheet would run as a formula is quoted out of it ({@link SpreadsheetCell}, as in the cases service's export).
 */
public final class MatrixCsv {

    private static final CsvMapper CSV = new CsvMapper();

    /** What a hidden value shows, as on the page. */
    static final String HIDDEN = "—";

    private MatrixCsv() {}

    /**
     * @param dimensionName a dimension's name by its key ({@link Fmt#dimension})
     * @param valueText a value's text by key and value, several joined ({@link Fmt#codedValues})
     */
    public static String of(
            CaseMatrix matrix,
            Function<String, String> dimensionName,
            BiFunction<String, Object, String> valueText,
            String idHeading,
            String titleHeading) {
        List<List<String>> lines = new ArrayList<>();
        List<String> heading = new ArrayList<>(List.of(idHeading, titleHeading));
        matrix.dimensions().forEach(column -> heading.add(dimensionName.apply(column.key())));
        lines.add(heading);
        for (CaseMatrix.Row row : matrix.rows()) {
            List<String> line = new ArrayList<>(List.of(row.id(), row.title() == null ? HIDDEN : row.title()));
            matrix.dimensions()
                    .forEach(column -> line.add(
                            row.values().containsKey(column.key())
                                    ? valueText.apply(column.key(), row.values().get(column.key()))
                                    : HIDDEN));
            lines.add(line);
        }
        List<List<String>> safe = lines.stream()
                .map(line -> line.stream().map(SpreadsheetCell::written).toList())
                .toList();
        try {
            return CSV.writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("matrix not writable as CSV", null);
        }
    }
}
