package org.parley.events.timeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.events.api.TimelineKind;
import org.parley.policy.CaseHistory;
import org.parley.policy.Decision;
import org.parley.policy.Relationship;
import org.parley.policy.Section;
import org.parley.policy.Viewer;

/** Who may see each kind of timeline entry, given the viewer's decision on the case. */
final class TimelineVisibility {

    /** The detail of a section edit naming who made it. */
    static final String EDITOR = "editor";

    private TimelineVisibility() {}

    /**
     * Whether a viewer who knows the case exists (a decision with some visible section) may see this entry.
     * A section edit shows to those who see that section (an unknown section to nobody); grants follow the
     * policy's rule ({@link CaseHistory#showsGrant}).
     */
    static boolean visibleTo(StoredEntry entry, Viewer viewer, Decision decision) {
        if (!decision.knowsExists()) {
            return false;
        }
        return switch (entry.kind()) {
            case CASE_OPENED, TIER_CHANGED, RESULTS_RELEASE_CHANGED -> decision.sees(Section.HEADER);
            case PROCESS_ENTRY_ADDED -> decision.sees(Section.PROCESS);
            case INTERVIEW_LINKED -> decision.sees(Section.INTERVIEWS);
            case SECTION_EDITED -> editedSection(entry) != null && decision.sees(editedSection(entry));
            case GRANT_ISSUED, GRANT_REVOKED, GRANT_EXPIRED ->
                CaseHistory.showsGrant(viewer, decision, entry.grantOrganisation());
        };
    }

    /**
     * The entry's details as this viewer may read them: who edited a section is the team's to know (it names
     * a member), so for everyone else the editor is left out.
     */
    static Map<String, Object> detailsFor(StoredEntry entry, Decision decision) {
        if (entry.kind() != TimelineKind.SECTION_EDITED || decision.relationship() == Relationship.MEMBER) {
            return entry.details();
        }
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.remove(EDITOR);
        return details;
    }

    private static Section editedSection(StoredEntry entry) {
        String name = entry.detail("section");
        for (Section section : Section.values()) {
            if (section.name().equals(name)) {
                return section;
            }
        }
        return null;
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
