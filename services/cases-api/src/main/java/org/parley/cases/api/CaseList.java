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
 * @param facets counts by the names in {@link #FACETS}, then by the codebook keys in {@link #COUNTED_FACETS};
 *     entityType, groupType and every coded facet count only cases whose section (a coded key's first part) the
 *     caller may see
 * @param nextCursor where the next page starts, or null on the last page
 */
@Schema(description = "A page of cases, the total and the facets of everything the filter matched.")
public record CaseList(List<CaseView> items, long total, Map<String, Map<String, Long>> facets, String nextCursor) {

    /** The facets a list counts, in the order a page shows them. */
    public static final List<String> FACETS = List.of("country", "status", "tier", "entityType", "groupType");

    /**
     * The codebook's facet dimensions of CONTEXT, PROCESS and RESULTS, by key, in the codebook's order. A list
     * counts them after {@link #FACETS} and filters by them with {@code coded=<key>:<value>}.
     */
    public static final List<String> CODED_FACETS = Codebook.standard().facets().stream()
            .filter(dimension -> !dimension.section().equals("HEADER"))
            .map(Dimension::key)
            .toList();

    /**
     * The coded facets a list counts (the list: the entity's type and relative strength, the groups' type and
     * internal control, the scope of objectives, mediators' roles, risks, phases, the deal and side effects), after
     * {@link #FACETS}. Every key of {@link #CODED_FACETS} filters and compares; counting all of them in every list
     * would make each list pay for dimensions no list page shows.
     */
    public static final List<String> COUNTED_FACETS = List.of(
            "context.entities.type",
            "context.entities.relativeStrength",
            "context.groups.type",
            "context.groups.internalControl",
            "process.objectives.scope",
            "process.mediators.role",
            "process.risks.kind",
            "process.phases.phase",
            "results.dealReached",
            "results.sideEffects.kind");

    /** The coded facet with this key, or empty for anything else (null included). */
    public static Optional<Dimension> codedFacet(String key) {
        return key != null && CODED_FACETS.contains(key) ? Codebook.standard().dimension(key) : Optional.empty();
    }
}
