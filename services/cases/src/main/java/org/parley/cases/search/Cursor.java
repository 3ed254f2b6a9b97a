package org.parley.cases.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.parley.policy.RecordIds;
import org.parley.web.PageCursor;

/**
 * Where the next page starts: the sort key (period start, id) of the last case returned, in the one cursor
 * format of every list ({@link PageCursor}). It names only a case the client has just been shown.
 */
public record Cursor(LocalDate periodStart, UUID id) {

    private static final String KIND = "cases";

    public String encode() {
        return PageCursor.encode(KIND, periodStart.toString(), id.toString());
    }

    /** The cursor, or null when the text is not one this list issued (callers answer 400). */
    public static Cursor decode(String text) {
        try {
            return PageCursor.decode(KIND, 2, text)
                    .flatMap(fields ->
                            RecordIds.parse(fields.get(1)).map(id -> new Cursor(LocalDate.parse(fields.get(0)), id)))
                    .orElse(null);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
