package org.parley.web;

import java.util.Optional;

/**
 * The one rule for text a request carries, in a body field, a query, path or header parameter alike: no
 * control characters but tab, line feed and carriage return (multi-line notes and transcripts need those),
 * and no half of a surrogate pair. NUL cannot be stored in PostgreSQL text at all (it failed as a 500), the
 * other C0 and C1 controls and DEL are invisible, change how a terminal or a log shows the text, and are
 * never part of what a person meant to write; a lone surrogate is not Unicode and would be stored as "?".
 * Applied at the edge ({@link RequestJson}, {@link ParameterConverters}), so no service sees such text.
 */
public final class ControlCharacters {

    /** What the problem says about the field (never the value). */
    public static final String CONTROL = "must not contain control characters (other than tab and line breaks)";

    public static final String BROKEN = "must be valid Unicode text";

    private ControlCharacters() {}

    /** Why the text is refused, or empty when it is acceptable. Null is acceptable: presence is another rule. */
    public static Optional<String> refusal(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(CONTROL);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(BROKEN);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(BROKEN);
            }
        }
        return Optional.empty();
    }
}
