package org.parley.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as one reader may see it, its sections in the codebook's shape ({@code GET /codebook}, docs/codebook.md):
 * every coded dimension under its key's path, blocks as lists of entries, citations under {@code sources}. A
 * section the reader may not see is absent, as is a citation of an excerpt they may not see. {@code externalReference}
 * goes with the HEADER, to signed-in readers only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A case in the codebook's shape; only the sections the caller may see are present.")
public record CodedCase(
        String id,

        @Schema(
                description = "The reference a bulk import (POST /cases/import) matched the case by; absent for a"
                        + " case never imported, and on the public register")
        String externalReference,

        long version,
        Header header,

        @Schema(type = SchemaType.OBJECT, description = "CONTEXT in the codebook's shape")
        ObjectNode context,

        @Schema(type = SchemaType.OBJECT, description = "PROCESS in the codebook's shape, with its timeline")
        ObjectNode process,

        @Schema(type = SchemaType.OBJECT, description = "RESULTS in the codebook's shape")
        ObjectNode results) {

    /** HEADER in the codebook's shape, with the tier and the results' release (the access service's, read-only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(
            String title,
            String country,
            String region,
            WrittenPeriod period,
            CaseStatus status,
            Tier tier,
            boolean resultsReleased) {}

    /** A period at the precision it was written: "2012", "2012-03" or "2012-03-14"; end absent while it goes on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WrittenPeriod(String start, String end) {}
}
