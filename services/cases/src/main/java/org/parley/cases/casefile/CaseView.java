package org.parley.cases.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.cases.content.CaseStatus;
import org.parley.cases.content.Context;
import org.parley.cases.content.Period;
import org.parley.cases.content.Process;
import org.parley.cases.content.Results;
import org.parley.cases.content.TimelineEntry;
import org.parley.policy.Section;
import org.parley.policy.Tier;

/**
 * A case as one viewer may see it. A section the viewer may not see is absent from the JSON, not null.
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
            Process.Objectives objectives,
            List<Process.Redline> redlines,
            List<String> trustBuilding,
            List<Process.Mediator> mediators,
            List<Process.Risk> risks,
            List<TimelineEntry> timeline) {}

    /** The sections this view carries, for the audit of the read. */
    @JsonIgnore
    public Set<Section> sections() {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        if (header != null) {
            sections.add(Section.HEADER);
        }
        if (context != null) {
            sections.add(Section.CONTEXT);
        }
        if (process != null) {
            sections.add(Section.PROCESS);
        }
        if (results != null) {
            sections.add(Section.RESULTS);
        }
        return sections;
    }

    /** Builds the view from a stored case, keeping only the given sections. */
    public static CaseView of(
            StoredCase stored, Tier tier, boolean released, Set<Section> sections, CaseDocuments documents) {
        HeaderView header = sections.contains(Section.HEADER)
                ? new HeaderView(
                        stored.title(),
                        stored.country(),
                        stored.region(),
                        new Period(stored.periodStart(), stored.periodEnd()),
                        CaseStatus.valueOf(stored.status()),
                        tier,
                        released)
                : null;
        Context context = sections.contains(Section.CONTEXT) && stored.context() != null
                ? documents.context(stored.context())
                : null;
        ProcessView process = null;
        if (sections.contains(Section.PROCESS) && stored.process() != null) {
            Process written = documents.process(stored.process());
            process = new ProcessView(
                    written.objectives(),
                    written.redlines(),
                    written.trustBuilding(),
                    written.mediators(),
                    written.risks(),
                    stored.timeline() == null ? List.of() : documents.timeline(stored.timeline()));
        }
        Results results = sections.contains(Section.RESULTS) && stored.results() != null
                ? documents.results(stored.results())
                : null;
        return new CaseView(
                stored.id().toString(), stored.versionSeenWith(sections), header, context, process, results);
    }
}
