package org.parley.cases.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.cases.api.codebook.Label;

/**
 * The comparison matrix: the cases a reader may see, one row each, with the values of the chosen coded dimensions.
 *
 * @param dimensions the columns, in the order asked
 * @param rows a page of the visible cases, newest period first, as the list orders them
 * @param total how many cases the filters match among those the reader may see
 * @param nextCursor where the next page starts, or null on the last page
 */
@Schema(description = "A page of the visible cases with the values of the chosen coded dimensions.")
public record CaseMatrix(List<Column> dimensions, List<Row> rows, long total, String nextCursor) {

    /**
     * A dimension of the matrix.
     *
     * @param section HEADER, CONTEXT, PROCESS or RESULTS: whoever may not see it gets no value of it
     */
    @Schema(description = "A column of the matrix: a codebook key, its section and its label.")
    public record Column(String key, String section, Label label) {}

    /**
     * One case.
     *
     * @param title null when the reader may not see the case's HEADER
     * @param values by codebook key: a code (true or false for a yes/no dimension), the list of distinct codes of a
     *     dimension with several values or in a repeated block, or null when uncoded; a key whose section the reader
     *     may not see is absent, not null
     */
    @Schema(
            description = "A case and its values by codebook key: a code, true/false, a list of codes, or null when"
                    + " uncoded; a key whose section the caller may not see is absent.")
    public record Row(String id, String title, Map<String, Object> values) {}
}
