package org.parley.console.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.cases.api.codebook.Block;
import org.parley.cases.api.codebook.Codebook;
import org.parley.cases.api.codebook.Dimension;
import org.parley.cases.api.codebook.DimensionType;

/**
 * What a section's edit form draws, from its fields (as {@link CodedForm#fields} wrote them, or as typed) and the
 * errors to show next to them: an input per dimension a case holds once, then each block with its entries and one
 * blank entry to add another. Words that are not the codebook's (uncoded, yes, no, remove) are the template's.
 *
 * @param section CONTEXT, PROCESS or RESULTS
 * @param id the form's id and the prefix of its inputs' ids ({@code context})
 * @param version the case's version the form was drawn from (its If-Match)
 * @param sources the hidden citations of the section's own objects
 * @param errors the errors no field shows (said once above the form)
 */
public record CodedFormView(
        String section,
        String id,
        long version,
        List<Input> once,
        List<Hidden> sources,
        List<BlockForm> blocks,
        List<String> errors,
        boolean invalid) {

    /**
     * One dimension's input. {@code kind}: select (ONE), checkboxes (SEVERAL), yesno (BOOLEAN), range
     * (NUMBER_OR_RANGE: {@code name.low}, {@code name.high}), date, text or textarea (TEXT, by its length).
     */
    public record Input(
            String name,
            String id,
            String kind,
            String label,
            String help,
            String unit,
            List<Choice> choices,
            String value,
            String low,
            String high,
            Integer maxLength,
            String error) {

        public boolean noneChosen() {
            return value != null && value.equals("none");
        }

        /** The ids of the help and the error that describe the input, for aria-describedby ("" for none). */
        public String describedBy() {
            String hint = help.isEmpty() ? "" : id + "-hint";
            return error == null ? hint : (hint + " " + id + "-error").strip();
        }
    }

    public record Choice(String value, String label, boolean selected) {}

    public record Hidden(String name, String value) {}

    /** One entry of a block: its inputs, its hidden citations and the name of its "remove" box. */
    public record Entry(
            int index, String id, List<Input> inputs, List<Hidden> sources, String remove, boolean removed) {

        /** Its number as people count (1 for the first). */
        public int number() {
            return index + 1;
        }
    }

    public record BlockForm(String name, String id, String label, int max, List<Entry> entries, String error) {}

    /** Texts longer than this get a text area. */
    static final int ONE_LINE = 1000;

    /**
     * The form for {@code fields} in {@code language}; {@code errors} are the words to show next to form fields (an
     * error whose field the form does not draw is said above it).
     */
    public static CodedFormView of(
            Codebook codebook,
            String section,
            long version,
            Map<String, List<String>> fields,
            Map<String, String> errors,
            String language) {
        CodedFields shape = CodedFields.of(codebook, section);
        String id = shape.prefix();
        Drawing drawing = new Drawing(fields, errors, language, id);
        List<Input> once = new ArrayList<>();
        for (Dimension dimension : shape.once()) {
            once.add(drawing.input(dimension, shape.path(dimension.key())));
        }
        List<Hidden> sources = drawing.sources("", shape.objects(null));
        List<BlockForm> blocks = new ArrayList<>();
        for (Block block : shape.blocks()) {
            String path = shape.path(block.key());
            java.util.NavigableSet<Integer> indexes = CodedForm.indexes(fields, path);
            int count = indexes.isEmpty() ? 0 : indexes.last() + 1;
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i <= Math.min(count, block.max() - 1); i++) {
                String scope = shape.entryScope(block, i);
                List<Input> inputs = new ArrayList<>();
                for (Dimension dimension : shape.of(block)) {
                    inputs.add(drawing.input(dimension, scope + CodedFields.inEntry(dimension)));
                }
                entries.add(new Entry(
                        i,
                        drawing.id(scope),
                        List.copyOf(inputs),
                        drawing.sources(scope, shape.objects(block)),
                        scope + CodedForm.REMOVE,
                        fields.containsKey(scope + CodedForm.REMOVE)));
            }
            blocks.add(new BlockForm(
                    path,
                    drawing.id(path),
                    block.label().in(language),
                    block.max(),
                    List.copyOf(entries),
                    drawing.error(path)));
        }
        List<String> unplaced = errors.entrySet().stream()
                .filter(error -> !drawing.shown.contains(error.getKey()))
                .map(Map.Entry::getValue)
                .distinct()
                .toList();
        return new CodedFormView(
                section, id, version, List.copyOf(once), sources, List.copyOf(blocks), unplaced, !errors.isEmpty());
    }

    private static final class Drawing {
        final Map<String, List<String>> fields;
        final Map<String, String> errors;
        final String language;
        final String formId;
        final Set<String> shown = new java.util.HashSet<>();

        Drawing(Map<String, List<String>> fields, Map<String, String> errors, String language, String formId) {
            this.fields = fields;
            this.errors = errors;
            this.language = language;
            this.formId = formId;
        }

        /** An HTML id from a field name: letters, digits and dashes ({@code context-groups-1-internalControl}). */
        String id(String name) {
            return (formId + "-" + name).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        }

        String error(String name) {
            String error = errors.get(name);
            if (error != null) {
                shown.add(name);
            }
            return error;
        }

        List<Hidden> sources(String scope, List<String> objects) {
            List<Hidden> hidden = new ArrayList<>();
            for (String object : objects) {
                String name = CodedFields.sourcesField(scope, object);
                String value = first(name);
                if (!value.isEmpty()) {
                    hidden.add(new Hidden(name, value));
                }
                error(name);
            }
            return List.copyOf(hidden);
        }

        Input input(Dimension dimension, String name) {
            String label = dimension.label().in(language);
            String help = dimension.help() == null ? "" : dimension.help().in(language);
            String unit = dimension.unit() == null ? "" : dimension.unit().in(language);
            List<String> chosen = fields.getOrDefault(name, List.of());
            String kind = switch (dimension.type()) {
                case ONE -> "select";
                case SEVERAL -> "checkboxes";
                case BOOLEAN -> "yesno";
                case NUMBER_OR_RANGE -> "range";
                case DATE -> "date";
                case TEXT -> dimension.maxLength() != null && dimension.maxLength() <= ONE_LINE ? "text" : "textarea";
            };
            List<Choice> choices = dimension.values().stream()
                    .map(v -> new Choice(v.code(), v.label().in(language), chosen.contains(v.code())))
                    .toList();
            String value = dimension.type() == DimensionType.SEVERAL
                    ? (chosen.contains(CodedForm.NONE) && chosen.stream().allMatch(String::isEmpty) ? "none" : "")
                    : first(name);
            return new Input(
                    name,
                    id(name),
                    kind,
                    label,
                    help,
                    unit,
                    choices,
                    value,
                    first(name + CodedForm.LOW),
                    first(name + CodedForm.HIGH),
                    dimension.maxLength(),
                    error(name));
        }

        private String first(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        }
    }

    /** The section's heading key of the messages ({@code section_context}). */
    public String heading() {
        return "section_" + section.toLowerCase(Locale.ROOT);
    }
}
