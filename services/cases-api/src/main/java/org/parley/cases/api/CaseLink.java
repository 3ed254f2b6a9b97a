package org.parley.cases.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A link between two cases, as one reader may see it: only a reader who may know that both cases exist ever sees
 * it. What the reader may not see is absent from the JSON, not null.
 *
 * @param note present only where the reader may see the CONTEXT of both cases
 * @param other the case at the other end from the one asked about
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A link between two cases the caller may both know exist; read \"source kind target\".")
public record CaseLink(
        String id,
        String source,
        String target,
        CaseLinkKind kind,

        @Schema(description = "Present only where the caller may see the CONTEXT of both cases")
        String note,

        Instant createdAt,
        Other other) {

    /** The case at the other end: its id, and its title where the reader may see its HEADER. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The case at the other end; title only where the caller may see its HEADER")
    public record Other(String id, String title) {}
}
