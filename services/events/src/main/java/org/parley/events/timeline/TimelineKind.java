package org.parley.events.timeline;

import org.parley.policy.CaseHistory;
import org.parley.policy.Decision;
import org.parley.policy.Section;
import org.parley.policy.Viewer;

/** The kinds of timeline entry and who may see each, given the viewer's decision on the case. */
public enum TimelineKind {
    CASE_OPENED(Section.HEADER),
    TIER_CHANGED(Section.HEADER),
    RESULTS_RELEASE_CHANGED(Section.HEADER),
    PROCESS_ENTRY_ADDED(Section.PROCESS),
    INTERVIEW_LINKED(Section.INTERVIEWS),
    GRANT_ISSUED(null),
    GRANT_REVOKED(null),
    GRANT_EXPIRED(null);

    /** The section that must be visible; null for grants, which follow {@link CaseHistory#showsGrant}. */
    private final Section section;

    TimelineKind(Section section) {
        this.section = section;
    }

    /**
     * Whether a viewer who knows the case exists (a decision with some visible section) may see an entry
     * of this kind. Grants follow the policy's rule ({@link CaseHistory#showsGrant}).
     */
    public boolean visibleTo(Viewer viewer, Decision decision, String grantOrganisation) {
        if (!decision.knowsExists()) {
            return false;
        }
        if (section != null) {
            return decision.sees(section);
        }
        return CaseHistory.showsGrant(viewer, decision, grantOrganisation);
    }

    /**
     * Whether an entry of this kind states the case's tier or release, and so what it was before: at the
     * instant a reader's window opens such an entry is the change that made the case visible to them, and
     * stays out ({@link org.parley.policy.CaseHistory.Window#includes}).
     */
    public boolean statesStanding() {
        return this == CASE_OPENED || this == TIER_CHANGED || this == RESULTS_RELEASE_CHANGED;
    }
}
