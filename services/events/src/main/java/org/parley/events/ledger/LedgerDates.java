package org.parley.events.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.parley.web.Problem;

/**
 * The ledger's date filters: an ISO day (UTC; {@code to} includes its day) or an ISO-8601 instant ({@code to}
 * excludes it). A value that is neither, or a range that holds no instant, is a field error naming the parameter.
 */
final class LedgerDates {

    /** From (inclusive) and to (exclusive); null where open. */
    record Range(Instant from, Instant to) {}

    private LedgerDates() {}

    static Range range(String from, String to, List<Problem.FieldError> errors) {
        Instant start = parse(from, "from", 0, errors);
        Instant end = parse(to, "to", 1, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new Problem.FieldError("to", "must be after from (a day as to includes that day)"));
        }
        return new Range(start, end);
    }

    /** The range as a file name's part, from values already checked by {@link #range}. */
    static String fileLabel(String from, String to) {
        return label(from, "start") + "-to-" + label(to, "newest");
    }

    private static String label(String value, String open) {
        return value == null ? open : value.replaceAll("[^0-9A-Za-z]", "");
    }

    private static Instant parse(String value, String field, int plusDays, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(
                    field, "must be an ISO day (2026-01-31) or an ISO-8601 instant (2026-01-31T12:00:00Z)"));
            return null;
        }
    }
}
