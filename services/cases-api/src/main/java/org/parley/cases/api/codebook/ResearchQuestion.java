package org.parley.cases.api.codebook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the eight questions of the paper's research agenda.
 *
 * @param code RQ1 to RQ8
 * @param dimensions the keys of the dimensions whose values inform it
 */
@Schema(description = "A question of the research agenda and the dimensions that inform it.")
public record ResearchQuestion(String code, Label label, List<String> dimensions) {

    public ResearchQuestion {
        dimensions = Codebook.listOf(dimensions);
    }
}
