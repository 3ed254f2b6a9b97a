package org.parley.cases.links;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.parley.cases.api.CaseLinksApi;
import org.parley.policy.RecordIds;
import org.parley.web.PageCursor;
import org.parley.web.PageLimit;
import org.parley.web.Problem;
import org.parley.web.ProblemException;
import org.parley.web.Problems;

/**
 * A page of a case's links: how many, and after which link (the sort key, created at and id, of the last link of the
 * previous page; it names only a link the client has just been shown).
 */
record LinksPageRequest(int limit, Instant afterCreatedAt, UUID afterId) {

    private static final String KIND = "links";

    /** The request, or a 400 naming limit or cursor. */
    static LinksPageRequest parse(String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int size = PageLimit.parse(limit, CaseLinksApi.DEFAULT_PAGE, CaseLinksApi.MAX_PAGE, errors);
        Instant createdAt = null;
        UUID id = null;
        if (cursor != null && !cursor.isEmpty()) {
            List<String> fields = PageCursor.decode(KIND, 2, cursor).orElse(null);
            id = fields == null ? null : RecordIds.parse(fields.get(1)).orElse(null);
            createdAt = id == null ? null : instant(fields.get(0));
            if (createdAt == null) {
                errors.add(new Problem.FieldError("cursor", "is not a cursor this service issued"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problems.invalid(errors));
        }
        return new LinksPageRequest(size, createdAt, createdAt == null ? null : id);
    }

    static String cursorAfter(Instant createdAt, String id) {
        return PageCursor.encode(KIND, createdAt.toString(), id);
    }

    boolean continues() {
        return afterCreatedAt != null;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
