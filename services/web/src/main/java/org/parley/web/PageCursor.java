package org.parley.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one format of the {@code nextCursor} every list hands out: the sort key of the last item shown, as
 * text fields tagged with the list's kind, base64url. Opaque to clients; a cursor of one list is not one of
 * another, and anything not issued by the list reads as no cursor at all, which callers answer with the same
 * 400 ("is not a cursor this service gave out").
 */
public final class PageCursor {

    private static final int MAX_LENGTH = 400;
    private static final String SEPARATOR = "|";

    private PageCursor() {}

    /** The cursor for a list of this {@code kind} continuing after the item with these sort-key fields. */
    public static String encode(String kind, String... fields) {
        StringBuilder raw = new StringBuilder(kind);
        for (String field : fields) {
            if (field.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a cursor field holds no separator");
            }
            raw.append(SEPARATOR).append(field);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort-key fields of a cursor this list issued with {@code fieldCount} fields, or empty. */
    public static Optional<List<String>> decode(String kind, int fieldCount, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        List<String> parts = List.of(raw.split("\\|", -1));
        if (parts.size() != fieldCount + 1 || !parts.get(0).equals(kind)) {
            return Optional.empty();
        }
        return Optional.of(parts.subList(1, parts.size()));
    }
}
