package org.parley.cases.coded;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;

/**
 * Dates at the precision a source gives ("2012", "2012-03", "2012-03-14"), as the codebook writes them, and the
 * days that order and filter them: a period starts on the first day of what was written and ends on the last.
 */
public final class WrittenDates {

    private WrittenDates() {}

    /** The first day of a written date; null for null. The codebook has checked the form. */
    public static LocalDate firstDay(String written) {
        if (written == null) {
            return null;
        }
        return switch (written.length()) {
            case 4 -> Year.parse(written).atDay(1);
            case 7 -> YearMonth.parse(written).atDay(1);
            default -> LocalDate.parse(written);
        };
    }

    /** The last day of a written date; null for null. */
    public static LocalDate lastDay(String written) {
        if (written == null) {
            return null;
        }
        return switch (written.length()) {
            case 4 -> Year.parse(written).atMonth(12).atEndOfMonth();
            case 7 -> YearMonth.parse(written).atEndOfMonth();
            default -> LocalDate.parse(written);
        };
    }

    /** What to keep beside the day: the written form when it is a year or a month, null when it is a day. */
    public static String coarserThanADay(String written) {
        return written != null && written.length() < 10 ? written : null;
    }

    /** The date as written: the kept form, or else the day. */
    public static String asWritten(String kept, LocalDate day) {
        return kept != null ? kept : day == null ? null : day.toString();
    }
}
