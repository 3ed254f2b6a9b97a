package org.parley.events.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit ledger, for auditors (403 otherwise), called by the console with the caller's bearer token. A
 * filter that does not parse is a 400 naming the field (RFC 9457 problem), never an echo of its value. The OpenAPI
 * descriptions sit here, not on the implementation (as on {@link TimelineApi}).
 */
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
@SecurityRequirement(name = "SecurityScheme")
public interface LedgerApi {

    /** The media type of {@link #export}: one JSON object a line. */
    String JSON_LINES = "application/x-ndjson";

    /**
     * Entries of cases the caller's organisation owns, and entries about no case whose actor belongs to it,
     * newest first unless {@code order} is {@code oldest}; every filter narrows that set.
     *
     * @param caseId only this case (UUID)
     * @param actor only this actor (OIDC subject)
     * @param organisation only actors of this organisation
     * @param type only this event type, e.g. RestrictedRead
     * @param from occurred on or after (ISO day, UTC, or ISO-8601 instant)
     * @param to occurred up to (ISO day, inclusive, UTC) or before (ISO-8601 instant)
     * @param order newest (default) or oldest
     * @param cursor the previous page's nextCursor
     * @param limit page size, 1 to 500 (default 100)
     */
    @GET
    @Operation(
            summary = "Ledger entries of the auditor's organisation",
            description = "Entries of cases the caller's organisation owns, and entries about no case whose actor"
                    + " belongs to it, newest first (order=oldest for the chain's order). Ids, types, times and"
                    + " hashes only. from and to are ISO days (to inclusive) or ISO-8601 instants (to exclusive).")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(
            responseCode = "400",
            description = "A filter is invalid (the field is named, its value is not echoed)",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    LedgerEntryView.Page entries(
            @Parameter(description = "Only this case (UUID)") @QueryParam("case") String caseId,
            @Parameter(description = "Only this actor (OIDC subject)") @QueryParam("actor") String actor,
            @Parameter(description = "Only actors of this organisation") @QueryParam("organisation")
                    String organisation,
            @Parameter(description = "Only this event type, e.g. RestrictedRead") @QueryParam("type") String type,
            @Parameter(description = "Occurred on or after: an ISO day (UTC) or an ISO-8601 instant")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Occurred up to: an ISO day (inclusive, UTC) or before an ISO-8601 instant")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "newest (default) or oldest first") @QueryParam("order") String order,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 100)") @QueryParam("limit") Integer limit);

    /**
     * One entry, by sequence number or event id, with the checkpoint that covers it.
     *
     * @param ref a sequence number or an event id (UUID)
     */
    @GET
    @Path("{ref}")
    @Operation(
            summary = "One ledger entry and the checkpoint covering it",
            description = "The entry (by sequence number or event id) with its hash and previous hash, and the"
                    + " first signed checkpoint at or after it (null while none signs it yet). An entry outside"
                    + " the auditor's scope answers like one that never existed.")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "404",
            description = "No such entry in the auditor's scope",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    LedgerEntryView.Detail entry(
            @Parameter(description = "A sequence number or an event id") @PathParam("ref") String ref);

    /**
     * The entries the ledger recorded in a range of days, with the signed checkpoints that cover them, as JSON
     * Lines that {@code ./parley verify-ledger FILE} verifies offline.
     *
     * @param from recorded on or after (ISO day, UTC, or ISO-8601 instant); null: from the first entry
     * @param to recorded up to (ISO day, inclusive) or before (ISO-8601 instant); null: up to the newest checkpoint
     */
    @GET
    @Path("export")
    @Produces({JSON_LINES, TimelineApi.PROBLEM})
    @Operation(
            summary = "Export a range of the chain with its proof",
            description = "JSON Lines, streamed: a header line (kind=header: format, range, first and last"
                    + " sequence, the signing key's id and public key), then the chain in sequence order from the"
                    + " first entry recorded in the range to the first signed checkpoint at or after its last one:"
                    + " kind=entry lines carry every hashed field as hashed (instants ISO-8601 UTC, microseconds),"
                    + " kind=sealed lines carry only sequence, prevHash and hash (entries outside the auditor's"
                    + " scope or after the range, so the links still verify), and a kind=checkpoint line follows"
                    + " each signed entry; an end line (kind=end) closes the file. The newest entries are signed"
                    + " first if no checkpoint covers them yet.")
    @APIResponse(
            responseCode = "200",
            description = "The export (JSON Lines)",
            content = @Content(mediaType = JSON_LINES))
    @APIResponse(
            responseCode = "400",
            description = "from or to is invalid, or to is before from (the field is named)",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    Response export(
            @Parameter(description = "Recorded on or after: an ISO day (UTC) or an ISO-8601 instant")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Recorded up to: an ISO day (inclusive, UTC) or before an ISO-8601 instant")
                    @QueryParam("to")
                    String to);

    /** The public key that verifies the checkpoints: give it to {@code ./parley verify-ledger --public-key}. */
    @GET
    @Path("public-key")
    @Operation(
            summary = "The checkpoints' public key",
            description = "The Ed25519 public key (base64 X.509) the service signs checkpoints with now, its id,"
                    + " and the ids of every key it still verifies with. The service also logs it at start.")
    @APIResponse(responseCode = "200", description = "The key")
    @APIResponse(
            responseCode = "401",
            description = "No valid token",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    LedgerEntryView.PublicKey publicKey();

    /**
     * Recomputes the whole chain and checks it against the newest checkpoint kept outside the database: 200
     * with the report, valid or not.
     *
     * @param anchor an anchor kept from an earlier report (its anchor.exported), or null
     */
    @GET
    @Path("verify")
    @Operation(
            summary = "Verify the whole chain",
            description = "Recomputes every entry's hash and link, checks the head and every checkpoint signature,"
                    + " and reports the first broken link (sequence, expected, found). Then checks that the ledger"
                    + " still holds the newest signed checkpoint kept outside its database (the compacted topic"
                    + " parley.ledger.v1, or the anchor an auditor kept from an earlier report, whichever is"
                    + " newer): a tail cut below it is TRUNCATED; an anchor that cannot be read makes the report"
                    + " not valid (UNAVAILABLE), never silently skipped.")
    @APIResponse(responseCode = "200", description = "The verification report (valid or not)")
    @APIResponse(
            responseCode = "400",
            description = "The anchor given is not SEQUENCE:HASH:KEY_ID:SIGNATURE",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    @APIResponse(
            responseCode = "403",
            description = "Not an auditor",
            content = @Content(mediaType = TimelineApi.PROBLEM, schema = @Schema(ref = "Problem")))
    VerificationReport verify(
            @Parameter(description = "An anchor kept from an earlier report (its anchor.exported)")
                    @QueryParam("anchor")
                    String anchor);
}
