package org.parley.policy;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one spelling of a record's id in a path or a query (cases, interviews, requests, grants): a UUID in
 * its canonical 8-4-4-4-12 form, in either letter case. Every other string names nothing, so every service
 * answers an odd spelling the same way: as an id that never existed.
 */
public final class RecordIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RecordIds() {}

    /** The id, or empty when the text is not a canonical UUID (UUID.fromString alone accepts "1-2-3-4-5"). */
    public static Optional<UUID> parse(String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(raw));
    }
}
