package org.parley.events.timeline;

import org.parley.events.api.TimelineKind;
import org.parley.policy.CaseHistory;
import org.parley.policy.Decision;
import org.parley.policy.Section;
import org.parley.policy.Viewer;

/** Who may see each kind of timeline entry, given the viewer's decision on the case. */
final class TimelineVisibility {

    private TimelineVisibility() {}

    /**
     * Whether a viewer who knows the case exists (a decision with some visible section) may see an entry
     * of this kind. Grants follow the policy's rule ({@link CaseHistory#showsGrant}).
     */
    static boolean visibleTo(TimelineKind kind, Viewer viewer, Decision decision, String grantOrganisation) {
        if (!decision.knowsExists()) {
            return false;
        }
        return switch (kind) {
            case CASE_OPENED, TIER_CHANGED, RESULTS_RELEASE_CHANGED -> decision.sees(Section.HEADER);
            case PROCESS_ENTRY_ADDED -> decision.sees(Section.PROCESS);
            case INTERVIEW_LINKED -> decision.sees(Section.INTERVIEWS);
            case GRANT_ISSUED, GRANT_REVOKED, GRANT_EXPIRED ->
                CaseHistory.showsGrant(viewer, decision, grantOrganisation);
        };
    }

    /**
     * Whether an entry of this kind states the case's tier or release, and so what it was before: at the
     * instant a reader's window opens such an entry is the change that made the case visible to them, and
     * stays out ({@link org.parley.policy.CaseHistory.Window#includes}).
     */
    static boolean statesStanding(TimelineKind kind) {
        return kind == TimelineKind.CASE_OPENED
                || kind == TimelineKind.TIER_CHANGED
                || kind == TimelineKind.RESULTS_RELEASE_CHANGED;
    }
}
