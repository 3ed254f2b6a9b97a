package org.parley.events.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ledger entries as auditors see them: ids, types, times and hashes, never content. */
public final class LedgerEntryView {

    private LedgerEntryView() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One ledger entry: ids, types, times and hashes only.")
    public record Entry(
            long sequence,
            String eventId,
            String type,
            String caseId,
            String actorSubject,
            String actorOrganisation,

            @Schema(description = "The case's owner as known when the entry was written")
            String owningOrganisation,

            Instant occurredAt,
            Instant recordedAt,

            @Schema(description = "SHA-256 of the event's deterministic protobuf bytes")
            String eventDigest,

            String prevHash,
            String hash) {}

    @Schema(description = "A page of ledger entries; pass nextCursor as cursor for the next page (null: no more).")
    public record Page(List<Entry> items, String nextCursor) {}
}
