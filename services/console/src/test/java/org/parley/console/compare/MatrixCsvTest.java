package org.parley.console.compare;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.codebook.Label;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixCsvTest {

    private static final List<CaseMatrix.Column> COLUMNS = List.of(
            new CaseMatrix.Column("context.groups.type", "CONTEXT", new Label("Group type", "Tipo de grupo")),
            new CaseMatrix.Column("results.dealReached", "RESULTS", new Label("Deal reached", "Acuerdo")));

    private static List<List<String>> read(String csv) throws Exception {
        try (MappingIterator<List<String>> lines = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class)
                .readValues(csv)) {
            return lines.readAll();
        }
    }

    private static String write(CaseMatrix matrix) {
        return MatrixCsv.of(
                matrix,
                key -> key.toUpperCase(java.util.Locale.ROOT),
                (key, value) -> value instanceof List<?> several
                        ? String.join(
                                "; ", several.stream().map(String::valueOf).toList())
                        : value == null ? "" : "label of " + value,
                "id",
                "Case");
    }

    @Test
    void aRowPerCaseWithHiddenSectionsMarkedAndSeveralValuesJoined() throws Exception {
        Map<String, Object> uncodedDeal = new HashMap<>();
        uncodedDeal.put("context.groups.type", List.of("MAFIA", "STREET_GANG"));
        uncodedDeal.put("results.dealReached", null);
        CaseMatrix matrix = new CaseMatrix(
                COLUMNS,
                List.of(
                        new CaseMatrix.Row("a", "Talks, \"quoted\"", uncodedDeal),
                        new CaseMatrix.Row("b", null, Map.of("results.dealReached", true))),
                2,
                null);
        assertThat(read(write(matrix)))
                .containsExactly(
                        List.of("id", "Case", "CONTEXT.GROUPS.TYPE", "RESULTS.DEALREACHED"),
                        List.of("a", "Talks, \"quoted\"", "MAFIA; STREET_GANG", ""),
                        List.of("b", MatrixCsv.HIDDEN, MatrixCsv.HIDDEN, "label of true"));
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsMadeInert() throws Exception {
        List<CaseMatrix.Row> rows = Arrays.asList(
                new CaseMatrix.Row("a", "=HYPERLINK(\"http://evil\")", Map.of()),
                new CaseMatrix.Row("b", "+1", Map.of()),
                new CaseMatrix.Row("c", "-1", Map.of()),
                new CaseMatrix.Row("d", "@SUM(A1)", Map.of()),
                new CaseMatrix.Row("e", "Plain = fine", Map.of()),
                new CaseMatrix.Row("f", "-1+2", Map.of()));
        List<List<String>> lines = read(write(new CaseMatrix(List.of(), rows, 6, null)));
        assertThat(lines.stream().skip(1).map(line -> line.get(1)))
                .containsExactly("'=HYPERLINK(\"http://evil\")", "'+1", "-1", "'@SUM(A1)", "Plain = fine", "'-1+2");
    }
}
