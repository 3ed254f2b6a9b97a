package org.parley.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a statement names its per-section visibility flags (boolean columns): a prefix and the section's name
 * in lower case, as the services' {@code visibility_rule} columns are named ({@code header}, {@code
 * context}, …). The one place that maps a section to its flag, for masking and filtering by section.
 *
 * @param prefix e.g. {@code v.} for a rule table aliased {@code v}, {@code pg.s_} for columns {@code s_header}…
 *     of a row aliased {@code pg}
 */
public record SectionFlags(String prefix) {

    public SectionFlags {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The flag that holds when the section is visible. */
    public String of(Section section) {
        return prefix + section.name().toLowerCase(Locale.ROOT);
    }

    /** The viewer may know the case exists: some section is visible ({@link Decision#knowsExists}). */
    public String anyVisible() {
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (Section section : Section.values()) {
            any.add(of(section));
        }
        return any.toString();
    }

    /** {@code expression} where the section is visible, NULL elsewhere: hidden text never leaves the database. */
    public String masked(Section section, String expression) {
        return "CASE WHEN " + of(section) + " THEN " + expression + " END";
    }
}
