package org.parley.cases.api;

import java.util.regex.Pattern;

/**
 * A CSV cell as a spreadsheet will not run it: a cell that starts like a formula ({@code = + - @}, a tab or a carriage
 * return) is written with a leading apostrophe, which spreadsheets read as "text" (OWASP's CSV injection advice);
 * a plain number keeps its sign. A cell that starts with an apostrophe gets one more, so {@link #read} gives back
 * exactly what {@link #written} was given, and an import of an export changes nothing. One rule for every CSV Parley
 * writes: the cases service's export (and its import, which reads it back) and the console's matrix download.
 */
public final class SpreadsheetCell {

    private static final String GUARD = "'";
    private static final String FORMULA_STARTS = "=+-@\t\r'";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private SpreadsheetCell() {}

    /** The cell as the export writes it. */
    public static String written(String value) {
        if (value.isEmpty()
                || FORMULA_STARTS.indexOf(value.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(value).matches()) {
            return value;
        }
        return GUARD + value;
    }

    /** The value of a cell the export wrote (or a person typed: an unguarded cell is its own value). */
    public static String read(String cell) {
        if (cell.length() > 1 && cell.startsWith(GUARD) && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
