package org.parley.cases.dossier;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.Label;
import org.w3c.dom.Element;

/**
 * The RESULTS section's measured effects drawn before → after: for each effect with a number (or a range) on both
 * sides, two bars on one scale (its larger value), a range's uncertain part lighter; then every effect's numbers in a
 * table. Bars are plain blocks with a computed width, which the renderer draws without any image support.
 */
final class EffectsChart {

    private static final String KEY = "results.effects";

    private final Xhtml html;
    private final Codebook codebook;
    private final CodedValues values;
    private final String language;

    EffectsChart(Xhtml html, Codebook codebook, CodedValues values, String language) {
        this.html = html;
        this.codebook = codebook;
        this.values = values;
        this.language = language;
    }

    /** The chart and the table of the effects, when the section codes any. */
    void render(Element parent, JsonNode effects) {
        if (effects == null || !effects.isArray() || effects.isEmpty()) {
            return;
        }
        html.text(parent, "h3", Words.EFFECTS_CHART.in(language));
        boolean drawn = false;
        for (JsonNode effect : effects) {
            drawn |= bars(parent, effect);
        }
        if (!drawn) {
            html.text(parent, "p", "quiet", Words.NO_NUMBERS.in(language));
        }
        numbers(parent, effects);
    }

    private boolean bars(Element parent, JsonNode effect) {
        Optional<CodedValues.Bounds> before = CodedValues.Bounds.of(effect.get("before"));
        Optional<CodedValues.Bounds> after = CodedValues.Bounds.of(effect.get("after"));
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        BigDecimal scale = before.get().high().max(after.get().high());
        Element chart = html.add(parent, "div", "effect");
        html.text(
                chart,
                "p",
                "effect-name",
                name(effect) + unit(effect).map(unit -> " (" + unit + ")").orElse(""));
        Element table = html.add(chart, "table", "bars");
        bar(table, Words.BEFORE.in(language), "before", before.get(), scale, effect.get("before"));
        bar(table, Words.AFTER.in(language), "after", after.get(), scale, effect.get("after"));
        change(effect)
                .ifPresent(change -> html.text(chart, "p", "effect-change", Words.CHANGE.in(language) + ": " + change));
        return true;
    }

    private void bar(
            Element table, String label, String kind, CodedValues.Bounds bounds, BigDecimal scale, JsonNode value) {
        Element row = html.add(table, "tr");
        html.text(row, "td", "bar-label", label);
        Element cell = html.add(row, "td", "bar-cell");
        Element track = html.add(cell, "div", "track");
        // the range's whole extent, lighter; its certain part (up to low) solid inside it
        Element extent = html.add(track, "div", "bar-extent " + kind);
        extent.setAttribute("style", "width: " + percent(bounds.high(), scale));
        Element certain = html.add(extent, "div", "bar " + kind);
        certain.setAttribute("style", "width: " + percent(bounds.low(), bounds.high()));
        html.text(row, "td", "bar-value", values.numberOrRange(value));
    }

    /** {@code part} as a share of {@code whole}, as a CSS width ("42.5%"): 0 for nothing or a negative number. */
    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0 || part.signum() <= 0) {
            return "0%";
        }
        double share = part.divide(whole, MathContext.DECIMAL64).doubleValue() * 100;
        return String.format(Locale.ROOT, "%.1f%%", Math.min(100, share));
    }

    private void numbers(Element parent, JsonNode effects) {
        Element table = html.add(parent, "table", "grid numbers");
        Element head = html.add(html.add(table, "thead"), "tr");
        for (Label word : List.of(Words.INDICATOR, Words.UNIT, Words.BEFORE, Words.AFTER, Words.CHANGE)) {
            html.text(head, "th", word.in(language));
        }
        Element body = html.add(table, "tbody");
        for (JsonNode effect : effects) {
            Element row = html.add(body, "tr");
            html.text(row, "td", name(effect));
            html.text(row, "td", unit(effect).orElse(""));
            html.text(row, "td", "figure", figure(effect.get("before")));
            html.text(row, "td", "figure", figure(effect.get("after")));
            html.text(row, "td", "figure", change(effect).orElse(""));
        }
    }

    private String figure(JsonNode value) {
        return value == null || value.isNull() ? "" : values.numberOrRange(value);
    }

    /** The indicator's label, else the indicator as the source states it. */
    private String name(JsonNode effect) {
        return formatted("indicator", effect)
                .or(() -> formatted("indicatorText", effect))
                .orElse("—");
    }

    private Optional<String> unit(JsonNode effect) {
        return formatted("unit", effect);
    }

    private Optional<String> change(JsonNode effect) {
        return formatted("changePercent", effect).or(() -> formatted("direction", effect));
    }

    private Optional<String> formatted(String field, JsonNode effect) {
        Optional<Dimension> dimension = codebook.dimension(KEY + "." + field);
        return dimension.flatMap(d -> values.format(d, effect.get(field)));
    }
}
