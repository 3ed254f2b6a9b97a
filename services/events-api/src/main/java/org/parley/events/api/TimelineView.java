package org.parley.events.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case's timeline as one viewer may see it. */
@Schema(
        description =
                "What happened to a case, as far as the caller may see it: kinds, ids, tiers and dates, never text.")
public record TimelineView(String caseId, List<Entry> entries) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "One timeline entry.")
    public record Entry(
            String eventId,
            TimelineKind kind,
            Instant occurredAt,

            @Schema(description = "Kind-specific ids and values, e.g. tier from/to, grantId, interviewId")
            Map<String, Object> details) {

        /** A detail as text, or "" when absent. */
        public String detail(String key) {
            Object value = details == null ? null : details.get(key);
            return value == null ? "" : value.toString();
        }
    }
}
