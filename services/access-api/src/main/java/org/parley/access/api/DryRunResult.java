package org.parley.access.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What approving a request would change: every viewer whose view of the case would differ, and how many
 * would see the same as before.
 */
public record DryRunResult(String requestId, String caseId, long policyVersion, List<Change> changes, int unchanged) {

    /**
     * Who is meant ({@code kind}): a known user (USER), any other user of an organisation
     * (ANY_OTHER_USER_OF_ORGANISATION), any other signed-in user (ANY_OTHER_SIGNED_IN_USER), or ANONYMOUS.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Who(String kind, String subject, String username, String organisation) {}

    /** One viewer's view before and after; the sections in their declaration order. */
    public record Change(
            Who who,
            Relationship relationshipBefore,
            Relationship relationshipAfter,
            List<Section> sectionsBefore,
            List<Section> sectionsAfter,
            List<Section> gained,
            List<Section> lost,
            boolean excerptsBefore,
            boolean excerptsAfter) {}
}
