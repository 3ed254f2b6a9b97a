package org.parley.console.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parley.cases.api.Results.Effect;
import org.parley.cases.api.TimelineEntry;

/**
 * Small inline SVG drawings: a before/after bar pair for each measured effect whose figures can be read
 * as numbers, and the process timeline as a strip. Every text that comes from a case is escaped; each
 * drawing carries a title for screen readers, and the page shows the same data as a table or list.
 */
public final class Charts {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)*");
    private static final Pattern RANGE =
            Pattern.compile("^\\D*?(\\d+(?:[.,]\\d+)?)\\s*[-–]\\s*(\\d+(?:[.,]\\d+)?)\\D*$");
    private static final Pattern PERCENT_CHANGE = Pattern.compile("^\\s*([-+−])\\s*(\\d+(?:[.,]\\d+)?)\\s*%\\s*$");

    private Charts() {}

    /** The two values of an effect, and whether they are an index (before = 100) made from a change in percent. */
    public record Pair(double before, double after, boolean index) {}

    /** An effect drawn, with its SVG; {@code index} when drawn as an index (before = 100). */
    public record EffectChart(Effect effect, String svg, boolean index) {}

    /** The effects that can be drawn, each with its chart; the others are only in the table. */
    public static List<EffectChart> effects(
            List<Effect> effects, String beforeLabel, String afterLabel, String indexLabel) {
        List<EffectChart> charts = new ArrayList<>();
        if (effects == null) {
            return charts;
        }
        for (Effect effect : effects) {
            pair(effect)
                    .ifPresent(pair -> charts.add(new EffectChart(
                            effect, effectSvg(effect, pair, beforeLabel, afterLabel, indexLabel), pair.index())));
        }
        return charts;
    }

    /**
     * Reads an effect's figures: two numbers ("14" and "5-6", a range counting as its middle), or a change
     * in percent after a level given in words ("-40%": drawn as 100 then 60).
     */
    public static Optional<Pair> pair(Effect effect) {
        Double before = number(effect.before());
        Double after = number(effect.after());
        if (before != null && after != null) {
            return Optional.of(new Pair(before, after, false));
        }
        Matcher change = effect.after() == null ? null : PERCENT_CHANGE.matcher(effect.after());
        if (before == null && change != null && change.matches()) {
            double percent = parse(change.group(2));
            double sign = change.group(1).equals("+") ? 1 : -1;
            return Optional.of(new Pair(100, Math.max(0, 100 + sign * percent), true));
        }
        return Optional.empty();
    }

    /** A plain number or a range; null for words, percentages and anything else. */
    static Double number(String text) {
        try {
            return readNumber(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double readNumber(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.contains("%")) {
            return null;
        }
        Matcher range = RANGE.matcher(value);
        if (range.matches()) {
            return (parse(range.group(1)) + parse(range.group(2))) / 2;
        }
        Matcher number = NUMBER.matcher(value);
        if (number.matches()) {
            return parse(value);
        }
        // "about 500": one number among words that only qualify it
        if (value.matches("(?i)(about|around|approximately|some|over|nearly|roughly|c\\.)\\s+\\d+(?:[.,]\\d+)?")) {
            Matcher found = NUMBER.matcher(value);
            found.find();
            return parse(found.group());
        }
        return null;
    }

    /** "1,200" is a thousand two hundred (a comma before three digits groups them); "5,5" is five and a half. */
    private static double parse(String number) {
        String value = number.matches("[-+]?\\d{1,3}(,\\d{3})+") ? number.replace(",", "") : number.replace(',', '.');
        return Double.parseDouble(value);
    }

    private static String effectSvg(
            Effect effect, Pair pair, String beforeLabel, String afterLabel, String indexLabel) {
        int width = 240;
        int height = 150;
        int baseline = 118;
        int top = 22;
        double max = Math.max(Math.max(pair.before(), pair.after()), 1);
        int barWidth = 64;
        int[] xs = {40, 136};
        double[] values = {pair.before(), pair.after()};
        String[] labels = {pair.index() ? "100" : text(effect.before()), text(effect.after())};
        String[] classes = {"bar-before", "bar-after"};
        String title = text(effect.indicator()) + ": " + text(effect.before()) + " → " + text(effect.after())
                + (pair.index() ? " (" + text(indexLabel) + ")" : "");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"effect-chart\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(title)
                .append("\"><title>")
                .append(title)
                .append("</title>");
        svg.append("<line x1=\"24\" y1=\"")
                .append(baseline)
                .append("\" x2=\"")
                .append(width - 16)
                .append("\" y2=\"")
                .append(baseline)
                .append("\" class=\"axis\"/>");
        for (int i = 0; i < 2; i++) {
            double barHeight = (baseline - top) * values[i] / max;
            double y = baseline - barHeight;
            svg.append("<rect class=\"")
                    .append(classes[i])
                    .append("\" x=\"")
                    .append(xs[i])
                    .append("\" y=\"")
                    .append(format(y))
                    .append("\" width=\"")
                    .append(barWidth)
                    .append("\" height=\"")
                    .append(format(barHeight))
                    .append("\"/>");
            svg.append("<text class=\"value\" x=\"")
                    .append(xs[i] + barWidth / 2)
                    .append("\" y=\"")
                    .append(format(y - 6))
                    .append("\" text-anchor=\"middle\">")
                    .append(labels[i])
                    .append("</text>");
        }
        svg.append("<text class=\"legend\" x=\"")
                .append(xs[0] + barWidth / 2)
                .append("\" y=\"")
                .append(baseline + 18)
                .append("\" text-anchor=\"middle\">")
                .append(text(beforeLabel))
                .append("</text>");
        svg.append("<text class=\"legend\" x=\"")
                .append(xs[1] + barWidth / 2)
                .append("\" y=\"")
                .append(baseline + 18)
                .append("\" text-anchor=\"middle\">")
                .append(text(afterLabel))
                .append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    /**
     * The process timeline as a horizontal strip: one marker per dated entry, placed by date between the
     * first and the last, with the first and last years written under the ends.
     */
    public static String timelineSvg(List<TimelineEntry> entries, String label) {
        List<LocalDate> dates = new ArrayList<>();
        List<TimelineEntry> dated = new ArrayList<>();
        for (TimelineEntry entry : entries == null ? List.<TimelineEntry>of() : entries) {
            // an undated entry stays in the list below the strip
            if (entry.date() != null) {
                dates.add(entry.date());
                dated.add(entry);
            }
        }
        if (dated.isEmpty()) {
            return "";
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        int width = 720;
        int left = 24;
        int right = width - 24;
        int line = 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline-strip\" viewBox=\"0 0 ")
                .append(width)
                .append(" 70\" role=\"img\" aria-label=\"")
                .append(text(label))
                .append("\"><title>")
                .append(text(label))
                .append("</title>");
        for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            double tx = left + (right - left) * ChronoUnit.DAYS.between(first, jan1) / (double) span;
            svg.append("<line class=\"tick\" x1=\"")
                    .append(format(tx))
                    .append("\" y1=\"")
                    .append(line - 4)
                    .append("\" x2=\"")
                    .append(format(tx))
                    .append("\" y2=\"")
                    .append(line + 8)
                    .append("\"/>");
            if (year < last.getYear() && tx - left > 40 && right - tx > 40) {
                svg.append("<text class=\"legend\" x=\"")
                        .append(format(tx))
                        .append("\" y=\"62\" text-anchor=\"middle\">")
                        .append(year)
                        .append("</text>");
            }
        }
        svg.append("<line class=\"axis\" x1=\"")
                .append(left)
                .append("\" y1=\"")
                .append(line)
                .append("\" x2=\"")
                .append(right)
                .append("\" y2=\"")
                .append(line)
                .append("\"/>");
        int lastSlot = -1;
        int stack = 0;
        for (int i = 0; i < dated.size(); i++) {
            TimelineEntry entry = dated.get(i);
            double x = dated.size() == 1 || first.equals(last)
                    ? (left + right) / 2.0
                    : left + (right - left) * ChronoUnit.DAYS.between(first, dates.get(i)) / (double) span;
            int slot = (int) Math.round(x / 12);
            stack = slot == lastSlot ? stack + 1 : 0;
            lastSlot = slot;
            double y = line - stack * 14;
            svg.append("<circle class=\"marker kind-")
                    .append(cssName(entry.kind() == null ? null : entry.kind().name()))
                    .append("\" cx=\"")
                    .append(format(x))
                    .append("\" cy=\"")
                    .append(format(y))
                    .append("\" r=\"6\"><title>")
                    .append(text(entry.date().toString()))
                    .append(" · ")
                    .append(text(entry.summary()))
                    .append("</title></circle>");
        }
        svg.append("<text class=\"legend\" x=\"")
                .append(left)
                .append("\" y=\"62\">")
                .append(first.getYear())
                .append("</text>");
        svg.append("<text class=\"legend\" x=\"")
                .append(right)
                .append("\" y=\"62\" text-anchor=\"end\">")
                .append(last.getYear())
                .append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    static String cssName(String kind) {
        return kind == null ? "other" : kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String format(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** XML-escaped text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
