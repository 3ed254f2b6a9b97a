package org.parley.cases.casefile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CaseView.HeaderView;
import org.parley.cases.api.CaseView.ProcessView;
import org.parley.cases.api.Context;
import org.parley.cases.api.Period;
import org.parley.cases.api.Results;
import org.parley.policy.Section;
import org.parley.policy.Tier;

/**
 * Stored cases as the API's {@link CaseView}: the sections' stored JSON (written from the checked records
 * of {@code content}) is read straight into the API's records, which have the same fields.
 */
public final class CaseViews {

    private CaseViews() {}

    /** The view of a stored case, keeping only the given sections. */
    public static CaseView of(
            StoredCase stored, Tier tier, boolean released, Set<Section> sections, CaseDocuments documents) {
        HeaderView header = sections.contains(Section.HEADER)
                ? new HeaderView(
                        stored.title(),
                        stored.country(),
                        stored.region(),
                        new Period(stored.periodStart(), stored.periodEnd()),
                        CaseStatus.valueOf(stored.status()),
                        org.parley.cases.api.Tier.valueOf(tier.name()),
                        released)
                : null;
        Context context = sections.contains(Section.CONTEXT) && stored.context() != null
                ? documents.read(stored.context(), Context.class)
                : null;
        ProcessView process = null;
        if (sections.contains(Section.PROCESS) && stored.process() != null) {
            ProcessView written = documents.read(stored.process(), ProcessView.class);
            process = new ProcessView(
                    written.objectives(),
                    written.redlines(),
                    written.trustBuilding(),
                    written.mediators(),
                    written.risks(),
                    stored.timeline() == null ? List.of() : documents.timeline(stored.timeline()));
        }
        Results results = sections.contains(Section.RESULTS) && stored.results() != null
                ? documents.read(stored.results(), Results.class)
                : null;
        return new CaseView(
                stored.id().toString(), stored.versionSeenWith(sections), header, context, process, results);
    }

    /** The sections a view carries, for the audit of the read. */
    public static Set<Section> sections(CaseView view) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        if (view.header() != null) {
            sections.add(Section.HEADER);
        }
        if (view.context() != null) {
            sections.add(Section.CONTEXT);
        }
        if (view.process() != null) {
            sections.add(Section.PROCESS);
        }
        if (view.results() != null) {
            sections.add(Section.RESULTS);
        }
        return sections;
    }
}
