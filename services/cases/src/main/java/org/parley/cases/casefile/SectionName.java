package org.parley.cases.casefile;

import java.util.Locale;
import java.util.Optional;

import org.parley.policy.Section;

/** The sections a PATCH may address, as they appear in the path ({@code /cases/{id}/context}). */
public enum SectionName {
    HEADER(Section.HEADER),
    CONTEXT(Section.CONTEXT),
    PROCESS(Section.PROCESS),
    RESULTS(Section.RESULTS);

    private final Section section;

    SectionName(Section section) {
        this.section = section;
    }

    public Section section() {
        return section;
    }

    public static Optional<SectionName> fromPath(String segment) {
        for (SectionName name : values()) {
            if (name.name().toLowerCase(Locale.ROOT).equals(segment)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
