package org.parley.cases.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as one viewer may see it. A section the viewer may not see is absent from the JSON, not null, and
 * null here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A case; only the sections the caller may see are present.")
public record CaseView(
        String id, long version, HeaderView header, Context context, ProcessView process, Results results) {

    @Schema(description = "The HEADER section. tier and resultsReleased are owned by the access service.")
    public record HeaderView(
            String title,
            String country,
            String region,
            Period period,
            CaseStatus status,
            Tier tier,
            boolean resultsReleased) {}

    @Schema(description = "The PROCESS section, with its timeline.")
    public record ProcessView(
            Objectives objectives,
            List<Redline> redlines,
            List<String> trustBuilding,
            List<Mediator> mediators,
            List<Risk> risks,
            List<TimelineEntry> timeline) {}

    public record Objectives(ObjectiveScope scope, List<String> items) {}

    public record Redline(String party, List<String> items) {}

    public record Mediator(String name, MediatorRole role) {}

    public record Risk(RiskKind kind, String description) {}
}
