package org.parley.cases.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;

/**
 * A page of cases with the total and the facets of the whole filtered result (not only the page).
 *
 * @param facets counts by the names in {@link #FACETS}, then by the codebook keys in {@link #CODED_FACETS};
 *     entityType, groupType and every coded facet count only cases whose section (a coded key's first part) the
 *     caller may see
 * @param nextCursor where the next page starts, or null on the last page
 */
@Schema(description = "A page of cases, the total and the facets of everything the filter matched.")
public record CaseList(List<CaseView> items, long total, Map<String, Map<String, Long>> facets, String nextCursor) {

    /** The facets a list counts, in the order a page shows them. */
    public static final List<String> FACETS = List.of("country", "status", "tier", "entityType", "groupType");

    /**
     * The codebook's facet dimensions of CONTEXT, PROCESS and RESULTS that today's cases store (those the
     * codebook says were migrated from them), by key, in the codebook's order. A list counts them after
     * {@link #FACETS} and filters by them with {@code coded=<key>:<value>}.
     */
    public static final List<String> CODED_FACETS = Codebook.standard().facets().stream()
            .filter(dimension -> !dimension.section().equals("HEADER") && dimension.migratedFrom() != null)
            .map(Dimension::key)
            .toList();

    /** The coded facet with this key, or empty for anything else (null included). */
    public static Optional<Dimension> codedFacet(String key) {
        return key != null && CODED_FACETS.contains(key) ? Codebook.standard().dimension(key) : Optional.empty();
    }
}
