package org.parley.console.compare;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import org.parley.cases.api.CaseEffects;
import org.parley.cases.api.CaseList;
import org.parley.cases.api.CaseListFilters;
import org.parley.cases.api.CaseMatrix;
import org.parley.cases.api.Results.Effect;
import org.parley.cases.api.TruthTable;
import org.parley.console.cases.Charts;
import org.parley.console.cases.Search;
import org.parley.console.i18n.Msg;
import org.parley.console.web.Ctx;
import org.parley.console.web.Fmt;

/** Builds a Compare page, or its matrix as CSV, from whichever source answers (signed in or the public register). */
@RequestScoped
public class ComparePages {

    @CheckedTemplate(basePath = "ComparePage")
    static class Templates {
        static native TemplateInstance compare(
                java.util.List<String> keys,
                Comparison choice,
                Search search,
                String base,
                String caseBase,
                CaseMatrix matrix,
                String nextUrl,
                String csvUrl,
                CrossTabGrid grid,
                TruthTable truthTable,
                List<String> indicators,
                List<Charts.EffectChart> effects);
    }

    private final Ctx ctx;
    private final Fmt fmt;
    private final Msg english;
    private final Msg spanish;

    @Inject
    public ComparePages(Ctx ctx, Fmt fmt, Msg english, @Localized("es") Msg spanish) {
        this.ctx = ctx;
        this.fmt = fmt;
        this.english = english;
        this.spanish = spanish;
    }

    TemplateInstance page(CompareSource source, Comparison choice, CaseListFilters filters, String team) {
        Search search = Search.of(source.base(), filters, team);
        CaseMatrix matrix = search.ask(asked -> source.compare(String.join(",", choice.dims()), asked));
        CrossTabGrid grid = CrossTabGrid.of(search.ask(asked -> source.crosstab(choice.rows(), choice.cols(), asked)));
        TruthTable truthTable =
                search.ask(asked -> source.truthTable(String.join(",", choice.conditions()), choice.outcome(), asked));
        CaseEffects effects = search.ask(asked -> source.effects(choice.indicator(), asked));
        String nextUrl = matrix.nextCursor() == null ? null : choice.url(search.url(matrix.nextCursor()));
        String csvUrl = choice.url(
                Search.of(source.base() + "/matrix.csv", filters, team).url(search.cursor()));
        return ctx.render(Templates.compare(
                CaseList.CODED_FACETS,
                choice,
                search,
                source.base(),
                source.caseBase(),
                matrix,
                nextUrl,
                csvUrl,
                grid,
                truthTable,
                Comparison.indicators(),
                charts(effects)));
    }

    /**
     * One chart per effect of the indicator, before against after, captioned with its case: the case page's charts
     * (Charts), for figures written as numbers or ranges; an effect without both is not drawn.
     */
    private List<Charts.EffectChart> charts(CaseEffects effects) {
        List<Effect> drawn = new ArrayList<>();
        for (CaseEffects.Row row : effects.rows()) {
            for (ObjectNode effect : row.effects()) {
                drawn.add(new Effect(
                        row.title() == null ? row.id() : row.title(),
                        figure(effect.path("before")),
                        figure(effect.path("after")),
                        effect.path("period").textValue(),
                        effect.path("source").textValue()));
            }
        }
        return Charts.effects(
                drawn, fmt.label("chart", "before"), fmt.label("chart", "after"), fmt.label("chart", "index"));
    }

    /** A coded figure as the charts read it: "14", or "5-6" for a range; null when uncoded. */
    private static String figure(JsonNode figure) {
        if (figure.isNumber()) {
            return figure.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (figure.isObject()) {
            return figure(figure.path("low")) + "-" + figure(figure.path("high"));
        }
        return null;
    }

    Response csv(CompareSource source, Comparison choice, CaseListFilters filters, String team) {
        Search search = Search.of(source.base(), filters, team);
        CaseMatrix matrix = search.ask(asked -> source.compare(String.join(",", choice.dims()), asked));
        Msg msg = "es".equals(ctx.lang()) ? spanish : english;
        String csv = MatrixCsv.of(matrix, fmt::dimension, fmt::codedValues, "id", msg.compare_matrix_case());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-compare.csv\"")
                .build();
    }
}
