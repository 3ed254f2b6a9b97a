package org.parley.launcher;

import java.util.List;
import java.util.Locale;

/** What {@code ./parley status} prints: one line per part, and whether all of them are up. */
record StatusReport(List<Row> rows) {

    /** One part; pid 0 if it has none (or none is known), restarts -1 if not known. */
    record Row(String name, String state, long pid, int restarts) {
        boolean up() {
            return state.equals("up");
        }
    }

    boolean allUp() {
        return !rows.isEmpty() && rows.stream().allMatch(Row::up);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            out.append(String.format(
                            Locale.ROOT,
                            "%-12s %-10s %-12s %s",
                            row.name(),
                            row.state(),
                            row.pid() > 0 ? "pid " + row.pid() : "",
                            row.restarts() >= 0 ? "restarts " + row.restarts() : "")
                    .stripTrailing());
            out.append('\n');
        }
        out.append(allUp() ? "all up" : "not all up: " + String.join(", ", down()));
        return out.append('\n').toString();
    }

    private List<String> down() {
        return rows.stream().filter(row -> !row.up()).map(Row::name).toList();
    }
}
