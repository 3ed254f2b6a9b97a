package org.parley.interviews.api;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One excerpt, as a case cites it: its interview's id and its quote's number, written {@code <interview>/<quote>}
 * (an excerpt has no id of its own: it is the quote of an interview marked for sharing).
 */
public record ExcerptId(UUID interview, int quote) {

    private static final Pattern WRITTEN = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/([1-9][0-9]{0,8})");

    /** The excerpt this text names, or empty when it is not {@code <interview id>/<quote number>}. */
    public static Optional<ExcerptId> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher matcher = WRITTEN.matcher(written);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExcerptId(UUID.fromString(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    @Override
    public String toString() {
        return interview + "/" + quote;
    }
}
