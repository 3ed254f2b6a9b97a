package org.parley.cases.api.codebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one section of a case written in the codebook's shape, and names every field that breaks the codebook.
 *
 * <p>The shape follows the keys: a dimension {@code <section>.<a>.<b>} is the field {@code b} of the object
 * {@code a} of the section's document; a block is an array of objects, one per entry, whose fields are the
 * block's dimensions. Values by type: ONE a code, SEVERAL an array of distinct codes ({@code []} is "coded as
 * none"), NUMBER_OR_RANGE a number or {@code {"low": n, "high": n}}, DATE {@code "2012"}, {@code "2012-03"} or
 * {@code "2012-03-14"} (a date keeps the precision its source gives), TEXT a string, BOOLEAN true or false.
 * {@code null} or an absent field is uncoded. Any object may hold {@code "sources"}: for a dimension of that
 * object, the citations of its value, each a publication ({@code publication}, optional {@code page} and
 * {@code endnote}) or an interview excerpt ({@code excerpt}: {@code <interview id>/<quote number>}).
 *
 * <p>Field paths name what the person wrote, as in {@code context.groups[1].internalControl}, so a 400 can point
 * at the form field; the messages never repeat a value, which could be confidential text.
 */
public final class CodedSection {

    /** One breach: the field's path in the case and what is wrong with it, in words. */
    public record FieldProblem(String field, String message) {}

    /** The oldest year a date may name: no case of the paper's kind is older. */
    public static final int FIRST_YEAR = 1900;

    /** The longest publication reference or page a citation may hold. */
    static final int CITATION_TEXT = 2000;

    static final String SOURCES = "sources";

    /** An excerpt is its interview's id and its quote's number: {@code <interview id>/<quote number>}. */
    private static final Pattern EXCERPT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/[1-9][0-9]{0,8}");

    private final Codebook codebook;
    private final LocalDate today;
    private final List<FieldProblem> problems = new ArrayList<>();

    private CodedSection(Codebook codebook, LocalDate today) {
        this.codebook = codebook;
        this.today = today;
    }

    /**
     * Every problem of {@code document} as the {@code section} (HEADER, CONTEXT, PROCESS or RESULTS) of a case;
     * empty when it obeys the codebook. Dates may not lie more than a year after {@code today}.
     */
    public static List<FieldProblem> problems(Codebook codebook, String section, JsonNode document, LocalDate today) {
        CodedSection check = new CodedSection(codebook, today);
        String prefix = section.toLowerCase(Locale.ROOT);
        if (!codebook.sections().contains(section)) {
            check.problem(prefix, "is not a section of a case");
        } else if (document == null || document.isNull()) {
            return List.of();
        } else {
            check.object(document, prefix, null, prefix);
        }
        return List.copyOf(check.problems);
    }

    /** The fields of an object whose dimensions have keys {@code prefix.<field>…} inside {@code block}. */
    private void object(JsonNode node, String prefix, String block, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String key = prefix + "." + name;
            String fieldPath = path + "." + name;
            JsonNode value = field.getValue();
            if (name.equals(SOURCES)) {
                sources(value, prefix, block, fieldPath);
                continue;
            }
            Optional<Block> nested = block == null ? codebook.block(key) : Optional.empty();
            Optional<Dimension> dimension = codebook.dimension(key).filter(d -> Objects.equals(d.block(), block));
            if (nested.isPresent()) {
                entries(value, nested.get(), fieldPath);
            } else if (dimension.isPresent()) {
                value(value, dimension.get(), fieldPath);
            } else if (leadsSomewhere(key, block)) {
                if (!value.isNull()) {
                    object(value, key, block, fieldPath);
                }
            } else {
                problem(fieldPath, "is not a dimension of the codebook");
            }
        }
        startBeforeEnd(node, prefix, block, path);
    }

    /** Whether some dimension or block of this object lies under {@code key}. */
    private boolean leadsSomewhere(String key, String block) {
        String under = key + ".";
        return codebook.dimensions().stream()
                        .anyMatch(d -> d.key().startsWith(under) && Objects.equals(d.block(), block))
                || (block == null
                        && codebook.blocks().stream().anyMatch(b -> b.key().startsWith(under)));
    }

    private void entries(JsonNode value, Block block, String path) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            problem(path, "must be a list of entries");
            return;
        }
        if (value.size() > block.max()) {
            problem(path, "may hold at most " + block.max() + " entries");
        }
        for (int i = 0; i < value.size(); i++) {
            object(value.get(i), block.key(), block.key(), path + "[" + i + "]");
        }
    }

    private void value(JsonNode value, Dimension dimension, String path) {
        if (value.isNull()) {
            return;
        }
        switch (dimension.type()) {
            case ONE -> code(value, dimension, path);
            case SEVERAL -> several(value, dimension, path);
            case NUMBER_OR_RANGE -> numberOrRange(value, dimension, path);
            case DATE -> date(value, path);
            case TEXT -> text(value, dimension, path);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    problem(path, "must be true or false");
                }
            }
        }
    }

    private void code(JsonNode value, Dimension dimension, String path) {
        if (!value.isTextual() || dimension.value(value.textValue()).isEmpty()) {
            problem(path, "must be one of " + dimension.codes());
        }
    }

    private void several(JsonNode value, Dimension dimension, String path) {
        if (!value.isArray()) {
            problem(path, "must be a list of values from " + dimension.codes());
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            code(item, dimension, path + "[" + i + "]");
            if (item.isTextual() && !seen.add(item.textValue())) {
                problem(path + "[" + i + "]", "repeats a value already chosen");
            }
        }
    }

    private void numberOrRange(JsonNode value, Dimension dimension, String path) {
        if (value.isNumber()) {
            within(value.doubleValue(), dimension, path);
            return;
        }
        if (!value.isObject()) {
            problem(path, "must be a number or a range {\"low\": n, \"high\": n}");
            return;
        }
        JsonNode low = value.get("low");
        JsonNode high = value.get("high");
        boolean shaped = value.size() == 2 && low != null && high != null;
        if (!shaped || !low.isNumber() || !high.isNumber()) {
            problem(path, "must be a number or a range {\"low\": n, \"high\": n}");
            return;
        }
        boolean lowFits = within(low.doubleValue(), dimension, path + ".low");
        boolean highFits = within(high.doubleValue(), dimension, path + ".high");
        if (lowFits && highFits && low.doubleValue() > high.doubleValue()) {
            problem(path, "must not have its low end above its high end");
        }
    }

    private boolean within(double number, Dimension dimension, String path) {
        boolean fits = (dimension.min() == null || number >= dimension.min())
                && (dimension.max() == null || number <= dimension.max());
        if (!fits) {
            problem(path, "must lie between " + bound(dimension.min()) + " and " + bound(dimension.max()));
        }
        return fits;
    }

    private static String bound(Double bound) {
        if (bound == null) {
            return "any";
        }
        return bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }

    private void date(JsonNode value, String path) {
        Optional<WrittenDate> span = value.isTextual() ? WrittenDate.parse(value.textValue()) : Optional.empty();
        if (span.isEmpty()) {
            problem(path, "must be a year (2012), a month (2012-03) or a day (2012-03-14)");
            return;
        }
        if (span.get().first().getYear() < FIRST_YEAR) {
            problem(path, "must not lie before " + FIRST_YEAR);
        } else if (span.get().first().isAfter(today.plusYears(1))) {
            problem(path, "must not lie more than a year in the future");
        }
    }

    private void text(JsonNode value, Dimension dimension, String path) {
        if (!value.isTextual()) {
            problem(path, "must be text");
        } else if (value.textValue().isBlank()) {
            problem(path, "must not be blank (leave it out when uncoded)");
        } else if (dimension.maxLength() != null
                && value.textValue().codePointCount(0, value.textValue().length()) > dimension.maxLength()) {
            problem(path, "may hold at most " + dimension.maxLength() + " characters");
        }
    }

    /** {@code sources}: for a dimension of this object, a list of citations. */
    private void sources(JsonNode sources, String prefix, String block, String path) {
        if (!sources.isObject()) {
            problem(path, "must map a dimension of this entry to its citations");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> cited = sources.fields(); cited.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = cited.next();
            String citedPath = path + "." + entry.getKey();
            boolean known = codebook.dimension(prefix + "." + entry.getKey())
                    .filter(d -> Objects.equals(d.block(), block))
                    .isPresent();
            if (!known) {
                problem(citedPath, "is not a dimension of this entry");
            } else if (!entry.getValue().isArray() || entry.getValue().isEmpty()) {
                problem(citedPath, "must be a list of one or more citations");
            } else {
                for (int i = 0; i < entry.getValue().size(); i++) {
                    citation(entry.getValue().get(i), citedPath + "[" + i + "]");
                }
            }
        }
    }

    private void citation(JsonNode citation, String path) {
        if (!citation.isObject()) {
            problem(path, "must be a citation of a publication or of an excerpt");
            return;
        }
        boolean publication = citation.has("publication");
        boolean excerpt = citation.has("excerpt");
        if (publication == excerpt) {
            problem(path, "must cite either a publication or an excerpt");
            return;
        }
        for (Iterator<String> names = citation.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = citation.get(name);
            String fieldPath = path + "." + name;
            switch (name) {
                case "publication", "page" -> {
                    if (excerpt && name.equals("page")) {
                        problem(fieldPath, "belongs to a publication, not an excerpt");
                    } else if (!value.isTextual() || value.textValue().isBlank()) {
                        problem(fieldPath, "must be text");
                    } else if (value.textValue().length() > CITATION_TEXT) {
                        problem(fieldPath, "may hold at most " + CITATION_TEXT + " characters");
                    }
                }
                case "endnote" -> {
                    if (excerpt) {
                        problem(fieldPath, "belongs to a publication, not an excerpt");
                    } else if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
                        problem(fieldPath, "must be a positive whole number");
                    }
                }
                case "excerpt" -> {
                    if (!value.isTextual()
                            || !EXCERPT_ID.matcher(value.textValue()).matches()) {
                        problem(fieldPath, "must be an interview's id and a quote's number, <id>/<n>");
                    }
                }
                default -> problem(fieldPath, "is not part of a citation");
            }
        }
    }

    /**
     * A start after its end is refused, at the dates' precision: "2012" may end in "2012-03". The pairs are the
     * sibling dimensions named {@code start}/{@code end} or {@code <x>Start}/{@code <x>End}.
     */
    private void startBeforeEnd(JsonNode node, String prefix, String block, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String start = names.next();
            String end =
                    start.equals("start") ? "end" : start.endsWith("Start") ? start.replaceAll("Start$", "End") : null;
            if (end == null || !isDate(prefix + "." + start, block) || !isDate(prefix + "." + end, block)) {
                continue;
            }
            Optional<WrittenDate> from = node.get(start).isTextual()
                    ? WrittenDate.parse(node.get(start).textValue())
                    : Optional.empty();
            Optional<WrittenDate> to =
                    node.path(end).isTextual() ? WrittenDate.parse(node.get(end).textValue()) : Optional.empty();
            if (from.isPresent()
                    && to.isPresent()
                    && to.get().last().isBefore(from.get().first())) {
                problem(path + "." + end, "must not lie before " + start);
            }
        }
    }

    private boolean isDate(String key, String block) {
        return codebook.dimension(key)
                .filter(d -> d.type() == DimensionType.DATE && Objects.equals(d.block(), block))
                .isPresent();
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }
}
