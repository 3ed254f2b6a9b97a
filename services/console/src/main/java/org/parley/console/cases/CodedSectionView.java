package org.parley.console.cases;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.Label;
import org.parley.interviews.api.ExcerptId;

/**
 * What a case page shows of one coded section, in the reader's language: the dimensions a case holds once, then
 * each block's entries, every value by its codebook label (numbers and ranges with their unit, dates as written),
 * each with its citations. An uncoded dimension is not listed; an entry without values neither.
 *
 * @param section CONTEXT, PROCESS or RESULTS
 * @param facts the coded dimensions a case holds once, in codebook order
 * @param blocks the blocks with at least one entry, in codebook order (the timeline is drawn on its own)
 */
public record CodedSectionView(String section, List<Fact> facts, List<BlockView> blocks) {

    /**
     * One coded value: its dimension's key and label, and the value in words; a yes/no value is {@code yesNo} (the
     * page words it), a several-values dimension coded as none of them is {@code none}.
     */
    public record Fact(String key, String label, String text, Boolean yesNo, boolean none, List<Citation> citations) {}

    /** A source of a value: a publication with its page and endnote, or an interview excerpt ({@code <id>/<n>}). */
    public record Citation(String publication, String page, Integer endnote, String excerpt) {

        /** The cited excerpt's interview (where staff read it), or null. */
        public String interview() {
            return ExcerptId.parse(excerpt)
                    .map(cited -> cited.interview().toString())
                    .orElse(null);
        }
    }

    public record BlockView(String key, String label, List<List<Fact>> entries) {}

    /** The section's name in ids and paths ({@code context}). */
    public String id() {
        return section.toLowerCase(Locale.ROOT);
    }

    public boolean empty() {
        return facts.isEmpty() && blocks.isEmpty();
    }

    /** The section's view from its document as the service answered it (null: nothing coded). */
    public static CodedSectionView of(Codebook codebook, String section, JsonNode document, String language) {
        CodedFields shape = CodedFields.of(codebook, section);
        Words words = new Words(codebook, language);
        List<Fact> facts = new ArrayList<>();
        if (document != null && document.isObject()) {
            for (Dimension dimension : shape.once()) {
                String path = shape.path(dimension.key());
                words.fact(dimension, document, path, facts);
            }
        }
        List<BlockView> blocks = new ArrayList<>();
        for (Block block : shape.blocks()) {
            JsonNode entries = document == null ? null : CodedForm.at(document, shape.path(block.key()));
            if (entries == null || !entries.isArray()) {
                continue;
            }
            List<List<Fact>> shown = new ArrayList<>();
            for (JsonNode entry : entries) {
                List<Fact> entryFacts = new ArrayList<>();
                for (Dimension dimension : shape.of(block)) {
                    words.fact(dimension, entry, CodedFields.inEntry(dimension), entryFacts);
                }
                if (!entryFacts.isEmpty()) {
                    shown.add(List.copyOf(entryFacts));
                }
            }
            if (!shown.isEmpty()) {
                blocks.add(new BlockView(block.key(), block.label().in(language), List.copyOf(shown)));
            }
        }
        return new CodedSectionView(section, List.copyOf(facts), List.copyOf(blocks));
    }

    /** Values in one language. */
    private record Words(Codebook codebook, String language) {

        void fact(Dimension dimension, JsonNode object, String path, List<Fact> facts) {
            JsonNode value = CodedForm.at(object, path);
            if (value == null || value.isNull()) {
                return;
            }
            String label = dimension.label().in(language);
            int dot = path.lastIndexOf('.');
            JsonNode holder = dot < 0 ? object : CodedForm.at(object, path.substring(0, dot));
            List<Citation> citations = citations(holder, path.substring(dot + 1));
            Fact fact = switch (dimension.type()) {
                case BOOLEAN -> new Fact(dimension.key(), label, "", value.asBoolean(), false, citations);
                case SEVERAL ->
                    new Fact(dimension.key(), label, several(dimension, value), null, value.isEmpty(), citations);
                case ONE -> new Fact(dimension.key(), label, code(dimension, value.asText()), null, false, citations);
                case NUMBER_OR_RANGE ->
                    new Fact(dimension.key(), label, measure(dimension, value, holder), null, false, citations);
                default -> new Fact(dimension.key(), label, value.asText(), null, false, citations);
            };
            facts.add(fact);
        }

        private String code(Dimension dimension, String code) {
            return dimension.value(code).map(v -> v.label().in(language)).orElse(code);
        }

        private String several(Dimension dimension, JsonNode codes) {
            List<String> labels = new ArrayList<>();
            codes.forEach(code -> labels.add(code(dimension, code.asText())));
            return String.join("; ", labels);
        }

        /**
         * A number or low–high range with its unit. A dimension whose unit is "as chosen in the unit" takes the
         * label of its entry's coded {@code unit} (the effects' before and after values).
         */
        private String measure(Dimension dimension, JsonNode value, JsonNode holder) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
            String number = value.isObject()
                    ? format.format(value.path("low").asDouble()) + "–"
                            + format.format(value.path("high").asDouble())
                    : format.format(value.asDouble());
            String unit = unit(dimension, holder);
            return unit.isEmpty() ? number : number + " " + unit;
        }

        private String unit(Dimension dimension, JsonNode holder) {
            Label unit = dimension.unit();
            if (unit == null) {
                return "";
            }
            if (unit.en().startsWith("as chosen") && dimension.block() != null) {
                String sibling = dimension.block() + ".unit";
                JsonNode chosen = holder == null ? null : holder.get("unit");
                return chosen == null || !chosen.isTextual()
                        ? ""
                        : codebook.dimension(sibling)
                                .map(d -> code(d, chosen.asText()))
                                .orElse("");
            }
            return unit.in(language);
        }

        private static List<Citation> citations(JsonNode holder, String field) {
            JsonNode cited = holder == null ? null : holder.path("sources").get(field);
            if (cited == null || !cited.isArray()) {
                return List.of();
            }
            List<Citation> citations = new ArrayList<>();
            for (JsonNode citation : cited) {
                citations.add(new Citation(
                        text(citation, "publication"),
                        text(citation, "page"),
                        citation.hasNonNull("endnote") ? citation.get("endnote").asInt() : null,
                        text(citation, "excerpt")));
            }
            return List.copyOf(citations);
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asText() : null;
        }
    }
}
