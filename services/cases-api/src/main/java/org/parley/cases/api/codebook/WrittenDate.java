package org.parley.cases.api.codebook;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date at the precision its source gives ("2012", "2012-03", "2012-03-14"), as the codebook writes it, with the
 * days it covers: what orders and filters it. A period starts on the first day of what was written and ends on the
 * last, so "2012" may end in "2012-03".
 *
 * @param written the date as written
 * @param first the first day it covers
 * @param last the last day it covers
 */
public record WrittenDate(String written, LocalDate first, LocalDate last) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** The date this text writes, empty when it is none (a malformed text, or a day that does not exist). */
    public static Optional<WrittenDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher match = DATE.matcher(text);
        if (!match.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(match.group(1));
            if (match.group(2) == null) {
                return Optional.of(new WrittenDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(match.group(2)));
            if (match.group(3) == null) {
                return Optional.of(new WrittenDate(text, month.atDay(1), month.atEndOfMonth()));
            }
            LocalDate day = month.atDay(Integer.parseInt(match.group(3)));
            return Optional.of(new WrittenDate(text, day, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether it names a year or a month rather than one day. */
    public boolean coarserThanADay() {
        return !first.equals(last);
    }

    /** The first day of a written date; null for null or for a text that is no date. */
    public static LocalDate firstDay(String written) {
        return parse(written).map(WrittenDate::first).orElse(null);
    }

    /** The last day of a written date; null for null or for a text that is no date. */
    public static LocalDate lastDay(String written) {
        return parse(written).map(WrittenDate::last).orElse(null);
    }

    /** What to keep beside the day: the written form when it is a year or a month, null when it is a day. */
    public static String coarserThanADay(String written) {
        return parse(written)
                .filter(WrittenDate::coarserThanADay)
                .map(WrittenDate::written)
                .orElse(null);
    }

    /** The date as written: the kept form, or else the day. */
    public static String asWritten(String kept, LocalDate day) {
        return kept != null ? kept : day == null ? null : day.toString();
    }
}
