package org.parley.cases.api.codebook;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One coded dimension of a case.
 *
 * @param key stable, {@code <section>.<path>} (e.g. {@code context.groups.internalControl}): what forms, filters
 *     and stored documents name
 * @param section HEADER, CONTEXT, PROCESS or RESULTS: decides who may see the dimension's values
 * @param block the key of the repeated block it belongs to, or null for a dimension a case holds once
 * @param ordered whether the values form a scale, in their order
 * @param values the allowed values of a ONE or SEVERAL dimension, in the order forms show them; empty otherwise
 * @param help how to code it
 * @param heading the paper's heading it comes from
 * @param facet whether lists count cases by its values
 * @param migratedFrom the field of today's case documents that it replaces, or null when new
 * @param unit what a NUMBER_OR_RANGE counts, or null
 * @param min the smallest number a NUMBER_OR_RANGE takes, or null
 * @param max the largest number a NUMBER_OR_RANGE takes, or null
 * @param maxLength the longest a TEXT may be, in characters, or null
 */
@Schema(description = "A coded dimension: its key, section, type, allowed values and the paper heading it codes.")
public record Dimension(
        String key,
        String section,
        String block,
        DimensionType type,
        boolean ordered,
        List<CodedValue> values,
        Label label,
        Label help,
        String heading,
        boolean facet,
        String migratedFrom,
        Label unit,
        Double min,
        Double max,
        Integer maxLength) {

    public Dimension {
        values = Codebook.listOf(values);
    }

    /** The value with this code, if the dimension allows it. */
    public Optional<CodedValue> value(String code) {
        return values.stream().filter(value -> value.code().equals(code)).findFirst();
    }

    /** The codes of its values, in their order. */
    public List<String> codes() {
        return values.stream().map(CodedValue::code).toList();
    }

    /**
     * Where a value of this dimension sorts in answers and tables: the codebook's order of codes, no before yes
     * for a yes/no dimension, an unknown code after the known ones, uncoded (null) last.
     */
    public int rank(Object value) {
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        if (value instanceof Boolean yes) {
            return yes ? 1 : 0;
        }
        int index = codes().indexOf(value.toString());
        return index < 0 ? Integer.MAX_VALUE - 1 : index;
    }
}
