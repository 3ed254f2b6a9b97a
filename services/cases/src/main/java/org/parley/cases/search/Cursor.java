package org.parley.cases.search;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page starts: the sort key (period start, id) of the last case returned. Opaque to
 * clients (base64url); it names only a case the client has just been shown.
 */
public record Cursor(LocalDate periodStart, UUID id) {

    private static final String VERSION = "c1";

    public String encode() {
        String raw = VERSION + "|" + periodStart + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not one this service issued. */
    public static Cursor decode(String text) {
        if (text.length() > 200) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return null;
            }
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                return null;
            }
            return new Cursor(LocalDate.parse(parts[1]), id);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }
}
