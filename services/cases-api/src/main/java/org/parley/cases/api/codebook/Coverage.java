package org.parley.cases.api.codebook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which dimensions code a heading of the paper.
 *
 * @param dimensions the keys of those dimensions
 */
@Schema(description = "A heading of the paper and the dimensions that code it.")
public record Coverage(String heading, List<String> dimensions) {

    public Coverage {
        dimensions = Codebook.listOf(dimensions);
    }
}
