package org.parley.console.interviews;

import java.util.List;
import java.util.Set;

import org.parley.console.interviews.InterviewsResource.CaseRef;
import org.parley.console.web.Flash;

/**
 * What the interview form draws: the values as typed, the version an edit was drawn from (its If-Match), the chosen
 * cases and the search's hits, the fields a service refused, and after a conflict the newer stored values.
 *
 * @param interviewId null for a new interview
 * @param version the version an edit names in If-Match; after a conflict, the newer one (so saving again replaces it)
 * @param found the search's hits, null when no search was made
 * @param newer the stored values that replaced the ones the form was drawn from, or null
 * @param changedMeanwhile the fields whose newer stored values differ from the typed ones
 */
public record InterviewFormPage(
        InterviewForm form,
        String interviewId,
        Long version,
        List<CaseRef> linked,
        String caseSearch,
        List<CaseRef> found,
        Set<String> invalid,
        InterviewForm newer,
        Set<String> changedMeanwhile,
        List<CaseRef> newerCases,
        Flash flash) {

    public boolean editing() {
        return interviewId != null;
    }

    public boolean isInvalid(String field) {
        return invalid.contains(field);
    }

    /** Whether to show the newer stored value beside this field. */
    public boolean differs(String field) {
        return newer != null && changedMeanwhile.contains(field);
    }

    public String action() {
        return editing() ? "/interviews/" + interviewId + "/edit" : "/interviews";
    }
}
