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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A signed checkpoint: the signature covers (sequence, hash).")
    public record Checkpoint(
            long sequence, String hash, Instant signedAt, String algorithm, String keyId, String signature) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One entry and the first checkpoint at or after it (absent while none signs it yet).")
    public record Detail(Entry entry, Checkpoint checkpoint) {}

    @Schema(description = "The key that verifies checkpoints, base64 X.509, and the ids of every key verified with.")
    public record PublicKey(String algorithm, String keyId, String publicKey, List<String> verifiesKeyIds) {}

    /**
     * The event types the ledger records, in the proto's order: every payload of parley.v1.Envelope but access's
     * heartbeat (not recorded) and the ledger's own checkpoints (on parley.ledger.v1, not ledgered). The console's
     * choice list; the events service's tests check it against the proto.
     */
    public static final List<String> EVENT_TYPES = List.of(
            "CaseOpened",
            "CaseSectionEdited",
            "ProcessEntryAdded",
            "CaseDeleted",
            "CasePolicyRecorded",
            "TierChanged",
            "ResultsReleaseChanged",
            "GrantIssued",
            "GrantRevoked",
            "GrantExpired",
            "TeamMemberAdded",
            "TeamMemberRemoved",
            "SecrecyChangeRequested",
            "SecrecyChangeApproved",
            "SecrecyChangeRejected",
            "OrganisationRegistered",
            "SecrecyChangeWithdrawn",
            "InterviewRecorded",
            "InterviewUpdated",
            "InterviewLinked",
            "ExcerptProposed",
            "ExcerptApproved",
            "IdentityRevealed",
            "ExcerptWithdrawn",
            "RestrictedRead",
            "AccessDenied",
            "ExportMade",
            "CaseLinked",
            "CaseUnlinked",
            "ImportMade",
            "InterviewLookupMade");
}
