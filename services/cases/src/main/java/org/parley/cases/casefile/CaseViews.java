package org.parley.cases.casefile;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cases.api.CaseStatus;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.CaseView.HeaderView;
import org.parley.cases.api.CaseView.ProcessView;
import org.parley.cases.api.CodedCase;
import org.parley.cases.api.Context;
import org.parley.cases.api.Period;
import org.parley.cases.api.Results;
import org.parley.cases.api.codebook.WrittenDate;
import org.parley.cases.coded.Citations;
import org.parley.policy.Section;
import org.parley.policy.Tier;

/**
 * Stored cases as the API's views: {@link CodedCase}, the stored documents in the codebook's shape, and
 * {@link CaseView}, the first shape, derived from them ({@link org.parley.cases.coded.LegacyShape}).
 */
public final class CaseViews {

    private CaseViews() {}

    /** The view of a stored case, keeping only the given sections. */
    public static CaseView of(
            StoredCase stored, Tier tier, boolean released, Set<Section> sections, CaseDocuments documents) {
        Context context = sections.contains(Section.CONTEXT) && stored.context() != null
                ? documents.legacyView(stored.id(), stored.context(), Section.CONTEXT, Context.class)
                : null;
        ProcessView process = sections.contains(Section.PROCESS) && stored.process() != null
                ? documents.processView(stored.id(), stored.process(), stored.timeline())
                : null;
        Results results = sections.contains(Section.RESULTS) && stored.results() != null
                ? documents.legacyView(stored.id(), stored.results(), Section.RESULTS, Results.class)
                : null;
        return new CaseView(
                stored.id().toString(),
                stored.versionSeenWith(sections),
                header(stored, tier, released, sections),
                context,
                process,
                results);
    }

    /**
     * The coded view of a stored case, keeping only the given sections, and citations of excerpts only where
     * {@code citableExcerpt} says the reader may see the excerpt. The external reference goes with the HEADER (a
     * caller answering the anonymous reader leaves it out of {@code stored}).
     */
    public static CodedCase coded(
            StoredCase stored,
            CodedCase.WrittenPeriod period,
            Tier tier,
            boolean released,
            Set<Section> sections,
            CaseDocuments documents,
            Predicate<String> citableExcerpt) {
        ObjectNode process = codedSection(stored.process(), Section.PROCESS, sections, documents, citableExcerpt);
        if (process != null && stored.timeline() != null) {
            process.set("timeline", codedTimeline(documents.storedTree(stored.timeline())));
        }
        CodedCase.Header header = sections.contains(Section.HEADER)
                ? new CodedCase.Header(
                        stored.title(),
                        stored.country(),
                        stored.region(),
                        period,
                        CaseStatus.valueOf(stored.status()),
                        org.parley.cases.api.Tier.valueOf(tier.name()),
                        released)
                : null;
        return new CodedCase(
                stored.id().toString(),
                sections.contains(Section.HEADER) ? stored.externalReference() : null,
                stored.versionSeenWith(sections),
                header,
                codedSection(stored.context(), Section.CONTEXT, sections, documents, citableExcerpt),
                process,
                codedSection(stored.results(), Section.RESULTS, sections, documents, citableExcerpt));
    }

    /** The header's period as it was written ("2012", "2012-03" or a day). */
    public static CodedCase.WrittenPeriod writtenPeriod(CaseFile file) {
        return new CodedCase.WrittenPeriod(
                WrittenDate.asWritten(file.periodStartWritten, file.periodStart),
                WrittenDate.asWritten(file.periodEndWritten, file.periodEnd));
    }

    /** The timeline's entries with their dates as written ("2012-03"), as the codebook's timeline block has them. */
    private static JsonNode codedTimeline(JsonNode entries) {
        for (JsonNode entry : entries) {
            JsonNode written = ((ObjectNode) entry).remove("dateWritten");
            if (written != null && written.isTextual()) {
                ((ObjectNode) entry).set("date", written);
            }
        }
        return entries;
    }

    private static ObjectNode codedSection(
            String stored,
            Section section,
            Set<Section> sections,
            CaseDocuments documents,
            Predicate<String> citableExcerpt) {
        if (!sections.contains(section) || stored == null) {
            return null;
        }
        return Citations.keepExcerpts(documents.coded(stored), citableExcerpt);
    }

    private static HeaderView header(StoredCase stored, Tier tier, boolean released, Set<Section> sections) {
        if (!sections.contains(Section.HEADER)) {
            return null;
        }
        return new HeaderView(
                stored.title(),
                stored.country(),
                stored.region(),
                new Period(stored.periodStart(), stored.periodEnd()),
                CaseStatus.valueOf(stored.status()),
                org.parley.cases.api.Tier.valueOf(tier.name()),
                released);
    }

    /** The sections a view carries, for the audit of the read. */
    public static Set<Section> sections(CaseView view) {
        return present(view.header() != null, view.context() != null, view.process() != null, view.results() != null);
    }

    /** The sections a coded view carries, for the audit of the read. */
    public static Set<Section> sections(CodedCase view) {
        return present(view.header() != null, view.context() != null, view.process() != null, view.results() != null);
    }

    private static Set<Section> present(boolean header, boolean context, boolean process, boolean results) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        if (header) {
            sections.add(Section.HEADER);
        }
        if (context) {
            sections.add(Section.CONTEXT);
        }
        if (process) {
            sections.add(Section.PROCESS);
        }
        if (results) {
            sections.add(Section.RESULTS);
        }
        return sections;
    }
}
