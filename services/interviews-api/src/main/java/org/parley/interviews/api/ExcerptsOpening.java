package org.parley.interviews.api;

import java.time.YearMonth;
import java.util.List;

/**
 * The approved excerpts that a grant covering excerpts on this case would newly show to a user of
 * {@code organisation}: for the owner's secrecy admins deciding on such a grant. Numbers and months only:
 * the admins never read interviews, so no quote, note or attribution travels.
 */
public record ExcerptsOpening(String caseId, String organisation, List<Opened> excerpts) {

    public record Opened(String interviewId, YearMonth month, int excerptNumber) {}
}
