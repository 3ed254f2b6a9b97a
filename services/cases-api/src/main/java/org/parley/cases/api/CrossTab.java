package org.parley.cases.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Two coded dimensions counted against each other over the cases a reader may see.
 *
 * @param rows the codebook key of the rows' dimension
 * @param cols the codebook key of the columns' dimension
 * @param cells one per pair of values that occurs, in the codebook's order of values, uncoded (null) last
 * @param total the number of cases counted: those the filters match whose sections of both dimensions the
 *     reader may see
 */
@Schema(description = "A cross-tabulation of two coded dimensions over the cases the caller may see.")
public record CrossTab(String rows, String cols, List<Cell> cells, long total) {

    /**
     * How many counted cases have this pair of values. A case with several values of a dimension counts once
     * per value.
     *
     * @param row a code of the rows' dimension, true or false for a yes/no one, or null for uncoded
     */
    @Schema(description = "How many counted cases have this pair of values; null is uncoded.")
    public record Cell(Object row, Object col, long count) {}
}
