package org.parley.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as one reader may see it, its sections in the codebook's shape ({@code GET /codebook}, docs/codebook.md):
 * every coded dimension under its key's path, blocks as lists of entries, citations under {@code sources}. A
 * section the reader may not see is absent, as is a citation of an excerpt they may not see.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A case in the codebook's shape; only the sections the caller may see are present.")
public record CodedCase(
        String id,
        long version,
        CaseView.HeaderView header,

        @Schema(type = SchemaType.OBJECT, description = "CONTEXT in the codebook's shape")
        ObjectNode context,

        @Schema(type = SchemaType.OBJECT, description = "PROCESS in the codebook's shape, with its timeline")
        ObjectNode process,

        @Schema(type = SchemaType.OBJECT, description = "RESULTS in the codebook's shape")
        ObjectNode results) {}
