package org.parley.cases.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One coded indicator's measured effects across the cases a reader may compare: a page of the visible cases whose
 * RESULTS the reader sees and that coded the indicator, in the list's order, each with its effects of that
 * indicator (the codebook's {@code results.effects} entries: before and after as numbers or low–high ranges, the
 * change in percent, direction, unit, period, source), so that charts across cases can be drawn.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A coded indicator's effects across the visible cases, a page at a time.")
public record CaseEffects(String indicator, List<Row> rows, String nextCursor) {

    /** A case and its effects of the indicator; the title only with its HEADER. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String id,
            String title,

            @Schema(type = SchemaType.ARRAY, description = "results.effects entries in the codebook's shape")
            List<ObjectNode> effects) {}
}
