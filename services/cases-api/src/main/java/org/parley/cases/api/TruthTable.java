package org.parley.cases.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The configurations of some coded conditions across the cases a reader may see, and how an outcome is spread in
 * each: the truth table of qualitative comparative analysis, under the crosstab's counting rules.
 *
 * @param total the number of cases counted: those the filters match whose sections of every condition and of the
 *     outcome the reader may see
 */
@Schema(description = "Configurations of coded conditions and the outcome's spread in each, over the caller's cases.")
public record TruthTable(List<String> conditions, String outcome, List<Row> rows, long total) {

    /**
     * One configuration.
     *
     * @param values a value per condition key: a code, true or false, or null for uncoded
     * @param cases how many counted cases have this configuration (a case with several values of a condition is
     *     in one configuration per value)
     * @param outcomes how many of them have each value of the outcome, by value ({@code "null"}: uncoded); a case
     *     with several outcome values counts under each
     */
    @Schema(description = "One configuration of the conditions, its number of cases and the outcome's spread.")
    public record Row(Map<String, Object> values, long cases, Map<String, Long> outcomes) {}
}
