package org.parley.console.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parley.cases.api.CrossTab;
import org.parley.cases.api.codebook.Codebook;

/**
 * A cross-tabulation laid out as a grid: the rows' and columns' values in the codebook's order (no and yes for a
 * yes/no dimension, uncoded last), every cell's count, and a heat level from 0 to 5 for its shading (classes, not
 * inline styles: the console's content security policy forbids those).
 */
public record CrossTabGrid(CrossTab table, List<Object> rowValues, List<Object> colValues, Map<String, Long> counts) {

    static final int LEVELS = 5;

    public static CrossTabGrid of(CrossTab table) {
        Map<String, Long> counts = new HashMap<>();
        List<Object> rows = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        for (CrossTab.Cell cell : table.cells()) {
            counts.put(key(cell.row(), cell.col()), cell.count());
            if (!rows.contains(cell.row())) {
                rows.add(cell.row());
            }
            if (!cols.contains(cell.col())) {
                cols.add(cell.col());
            }
        }
        rows.sort(order(table.rows()));
        cols.sort(order(table.cols()));
        return new CrossTabGrid(table, rows, cols, counts);
    }

    private static Comparator<Object> order(String key) {
        return Comparator.comparingInt(Codebook.standard().dimension(key).orElseThrow()::rank);
    }

    private static String key(Object row, Object col) {
        return row + "|" + col;
    }

    public long count(Object row, Object col) {
        return counts.getOrDefault(key(row, col), 0L);
    }

    /** 0 for an empty cell, 1 to 5 by the share of the largest cell. */
    public int heat(Object row, Object col) {
        long count = count(row, col);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return count == 0 || max == 0 ? 0 : (int) Math.max(1, Math.round((double) LEVELS * count / max));
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
