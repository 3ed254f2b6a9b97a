package org.parley.console.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.access.api.TeamView;
import org.parley.cases.api.CaseView;
import org.parley.cases.api.codebook.Codebook;
import org.parley.console.web.Ctx;
import org.parley.console.web.Flash;
import org.parley.console.web.Fmt;
import org.parley.events.api.TimelineView;
import org.parley.interviews.api.Excerpts;
import org.parley.interviews.api.InterviewSummary;

/** Builds a case page from what the services answered, with its drawings in the reader's language. */
@RequestScoped
public class CasePages {

    /** The sections a case page shows in the codebook's shape, in page order. */
    static final List<String> SECTIONS = List.of("CONTEXT", "PROCESS", "RESULTS");

    private final Fmt fmt;
    private final Ctx ctx;

    @Inject
    public CasePages(Fmt fmt, Ctx ctx) {
        this.fmt = fmt;
        this.ctx = ctx;
    }

    /**
     * What a member typed in one section's form and the errors to show next to its fields, to draw that form again
     * instead of the case's saved values.
     */
    public record Typed(String section, long version, Map<String, List<String>> fields, Map<String, String> errors) {

        Typed with(Map<String, String> said) {
            return new Typed(section, version, fields, said);
        }
    }

    /**
     * The coded sections of a case as {@code GET /cases/{id}/coded} answered them, and for a member the forms that
     * edit them ({@code typed} replaces one form's values, or is null).
     */
    public CasePage.Coded coded(JsonNode coded, boolean member, Typed typed) {
        Codebook codebook = Codebook.standard();
        String lang = ctx.lang();
        Map<String, CodedSectionView> views = new LinkedHashMap<>();
        List<CodedFormView> forms = new ArrayList<>();
        long version = coded.path("version").asLong();
        for (String section : SECTIONS) {
            JsonNode document = coded.get(section.toLowerCase(Locale.ROOT));
            if (document == null) {
                continue; // absent: not for this reader
            }
            views.put(section, CodedSectionView.of(codebook, section, document, lang));
            if (member) {
                boolean again = typed != null && typed.section().equals(section);
                forms.add(CodedFormView.of(
                        codebook,
                        section,
                        again ? typed.version() : version,
                        again ? typed.fields() : CodedForm.fields(codebook, section, document),
                        again ? typed.errors() : Map.of(),
                        lang));
            }
        }
        JsonNode period = coded.path("header").path("period");
        return new CasePage.Coded(
                version,
                period.path("start").textValue(),
                period.path("end").textValue(),
                views.get("CONTEXT"),
                views.get("PROCESS"),
                views.get("RESULTS"),
                List.copyOf(forms));
    }

    public CasePage page(
            CaseView c,
            boolean publicView,
            TimelineView history,
            boolean historyUnavailable,
            TeamView team,
            boolean member,
            CasePage.Admin admin,
            List<InterviewSummary> linked,
            List<Excerpts> sharedExcerpts,
            List<CasePage.PartProblem> problems,
            Flash flash,
            CasePage.Related related,
            CasePage.Coded coded) {
        List<Charts.EffectChart> charts = c.results() == null
                ? List.of()
                : Charts.effects(
                        c.results().effects(),
                        fmt.label("chart", "before"),
                        fmt.label("chart", "after"),
                        fmt.label("chart", "index"));
        String strip = c.process() == null
                ? ""
                : Charts.timelineSvg(c.process().timeline(), fmt.label("section", "timeline_strip"));
        return new CasePage(
                c,
                publicView,
                history,
                historyUnavailable,
                team,
                member,
                admin,
                charts,
                strip,
                linked,
                sharedExcerpts,
                problems,
                flash,
                related,
                coded);
    }

    /** A case of the public register: its public sections, its links and comparable cases, nothing to manage. */
    public CasePage publicPage(CaseView c, JsonNode coded, CasePage.Related related) {
        return page(
                c,
                true,
                null,
                false,
                null,
                false,
                null,
                List.of(),
                null,
                List.of(),
                Flash.of(null, null),
                related,
                coded(coded, false, null));
    }
}
