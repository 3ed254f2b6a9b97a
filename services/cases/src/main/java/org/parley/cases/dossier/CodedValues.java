package org.parley.cases.dossier;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.cases.api.codebook.CodedValue;
import org.parley.cases.api.codebook.Dimension;

/**
 * Coded values as a reader reads them, in one language: a code by its codebook label, several codes joined, yes or
 * no, a number in the language's notation, a range as "5–6", a date as written, text as it is.
 */
final class CodedValues {

    /** Before and after have no unit of their own: the effect's {@code unit} says it, in its own column. */
    private static final List<String> UNIT_ELSEWHERE = List.of("results.effects.before", "results.effects.after");

    private final String language;
    private final NumberFormat numbers;

    CodedValues(String language) {
        this.language = language;
        this.numbers = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        this.numbers.setMaximumFractionDigits(2);
    }

    /** The value as text, or empty when it is uncoded (absent or null). */
    Optional<String> format(Dimension dimension, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = switch (dimension.type()) {
            case ONE -> label(dimension, value);
            case SEVERAL -> several(dimension, value);
            case BOOLEAN -> (value.asBoolean() ? Words.YES : Words.NO).in(language);
            case NUMBER_OR_RANGE -> withUnit(dimension, numberOrRange(value));
            case DATE, TEXT -> value.asText();
        };
        return Optional.of(text);
    }

    /** A number or a {@code {low, high}} range, in this language's notation (anything else as it is written). */
    String numberOrRange(JsonNode value) {
        return Bounds.of(value)
                .map(bounds ->
                        bounds.isRange() ? number(bounds.low()) + "–" + number(bounds.high()) : number(bounds.low()))
                .orElseGet(() -> value.isValueNode() ? value.asText() : value.toString());
    }

    /** A NUMBER_OR_RANGE value's bounds: a number is a range of one. */
    record Bounds(BigDecimal low, BigDecimal high) {

        static Optional<Bounds> of(JsonNode value) {
            if (value == null) {
                return Optional.empty();
            }
            if (value.isNumber()) {
                return Optional.of(new Bounds(value.decimalValue(), value.decimalValue()));
            }
            if (value.isObject()
                    && value.path("low").isNumber()
                    && value.path("high").isNumber()) {
                return Optional.of(new Bounds(
                        value.get("low").decimalValue(), value.get("high").decimalValue()));
            }
            return Optional.empty();
        }

        boolean isRange() {
            return low.compareTo(high) != 0;
        }
    }

    String number(BigDecimal value) {
        synchronized (numbers) {
            return numbers.format(value);
        }
    }

    private String label(Dimension dimension, JsonNode value) {
        String code = value.asText();
        return dimension
                .value(code)
                .map(CodedValue::label)
                .map(l -> l.in(language))
                .orElse(code);
    }

    private String several(Dimension dimension, JsonNode value) {
        if (!value.isArray()) {
            return label(dimension, value);
        }
        if (value.isEmpty()) {
            return Words.NONE.in(language);
        }
        List<String> labels = new ArrayList<>();
        value.forEach(code -> labels.add(label(dimension, code)));
        return String.join(", ", labels);
    }

    private String withUnit(Dimension dimension, String number) {
        if (number == null || dimension.unit() == null || UNIT_ELSEWHERE.contains(dimension.key())) {
            return number;
        }
        String unit = dimension.unit().in(language);
        return "%".equals(unit) ? number + " %" : number + " " + unit;
    }
}
