package org.parley.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** What a grant lets a partner organisation see; each scope includes the one before it. */
public enum GrantScope {
    SUMMARY(EnumSet.of(Section.HEADER, Section.CONTEXT)),
    RESULTS(EnumSet.of(Section.HEADER, Section.CONTEXT, Section.RESULTS)),
    PROCESS(EnumSet.of(Section.HEADER, Section.CONTEXT, Section.RESULTS, Section.PROCESS)),
    /** PROCESS plus interview excerpts approved for sharing; never whole interviews, never identities. */
    EXCERPTS(EnumSet.of(Section.HEADER, Section.CONTEXT, Section.RESULTS, Section.PROCESS));

    private final Set<Section> sections;

    GrantScope(EnumSet<Section> sections) {
        this.sections = Collections.unmodifiableSet(sections);
    }

    public Set<Section> sections() {
        return sections;
    }

    public boolean includesExcerpts() {
        return this == EXCERPTS;
    }

    /** Issuing a grant of this scope opens process detail, so it needs a second secrecy admin. */
    public boolean needsSecondApprover() {
        return this == PROCESS || this == EXCERPTS;
    }

    public boolean covers(GrantScope other) {
        return ordinal() >= other.ordinal();
    }
}
