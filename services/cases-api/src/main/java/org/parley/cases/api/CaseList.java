package org.parley.cases.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of cases with the total and the facets of the whole filtered result (not only the page).
 *
 * @param facets counts by the names in {@link #FACETS}; entityType and groupType count only cases whose
 *     CONTEXT the caller may see
 * @param nextCursor where the next page starts, or null on the last page
 */
@Schema(description = "A page of cases, the total and the facets of everything the filter matched.")
public record CaseList(List<CaseView> items, long total, Map<String, Map<String, Long>> facets, String nextCursor) {

    /** The facets a list counts, in the order a page shows them. */
    public static final List<String> FACETS = List.of("country", "status", "tier", "entityType", "groupType");
}
