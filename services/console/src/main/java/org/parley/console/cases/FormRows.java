package org.parley.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.parley.console.web.FormText;
import org.parley.console.web.Paths;

/**
 * Repeated form fields (one value per row and column, in page order) as the JSON rows a section holds. A row
 * whose every field is blank is left out, so the blank row a form offers adds nothing unless filled in.
 */
final class FormRows {

    private final Map<String, List<String>> columns = new LinkedHashMap<>();
    private final Map<String, Function<String, Object>> converters = new LinkedHashMap<>();

    /** A text column: blank is null. */
    FormRows text(String field, List<String> values) {
        return column(field, values, Paths::blankToNull);
    }

    /** A column of lines (a textarea per row): a list, one entry per non-blank line. */
    FormRows lines(String field, List<String> values) {
        return column(field, values, FormText::lines);
    }

    private FormRows column(String field, List<String> values, Function<String, Object> convert) {
        columns.put(field, values == null ? List.of() : values);
        converters.put(field, convert);
        return this;
    }

    List<Map<String, Object>> rows() {
        int count = columns.values().stream().mapToInt(List::size).max().orElse(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean any = false;
            for (Map.Entry<String, List<String>> column : columns.entrySet()) {
                String raw = i < column.getValue().size() ? column.getValue().get(i) : null;
                Object value = converters.get(column.getKey()).apply(raw);
                row.put(column.getKey(), value);
                any |= value instanceof List<?> list ? !list.isEmpty() : value != null;
            }
            if (any) {
                rows.add(row);
            }
        }
        return rows;
    }
}
